package lif.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

/**
 * The cells run in this kernel session, for Jupyter's history requests (tail, range, search). In memory:
 * a new kernel starts a new, empty history.
 */
final class CellHistory implements HistoryManager {

    /** This kernel's session number in history replies. */
    static final int SESSION = 1;

    private final List<HistoryEntry> entries = new ArrayList<>();

    synchronized void add(int executionCount, String input, String output) {
        entries.add(new HistoryEntry(SESSION, executionCount, input, output == null ? "" : output));
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int n, Set<ResultFlag> flags) {
        int from = Math.max(0, entries.size() - Math.max(0, n));
        return shaped(entries.subList(from, entries.size()), flags);
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        List<HistoryEntry> out = new ArrayList<>();
        if (session == SESSION || session == 0) {
            for (HistoryEntry e : entries) {
                if (e.getCellNumber() >= start && (stop <= 0 || e.getCellNumber() < stop)) {
                    out.add(e);
                }
            }
        }
        return shaped(out, flags);
    }

    @Override
    public synchronized List<HistoryEntry> search(String glob, int n, Set<ResultFlag> flags) {
        Pattern p = globPattern(glob == null || glob.isEmpty() ? "*" : glob);
        List<HistoryEntry> matches = new ArrayList<>();
        for (HistoryEntry e : entries) {
            if (p.matcher(e.getInput()).matches()) {
                matches.add(e);
            }
        }
        if (flags.contains(ResultFlag.UNIQUE)) {
            Map<String, HistoryEntry> last = new LinkedHashMap<>();
            for (HistoryEntry e : matches) {
                last.remove(e.getInput());
                last.put(e.getInput(), e);
            }
            matches = new ArrayList<>(last.values());
        }
        if (n > 0 && matches.size() > n) {
            matches = matches.subList(matches.size() - n, matches.size());
        }
        return shaped(matches, flags);
    }

    private static List<HistoryEntry> shaped(List<HistoryEntry> list, Set<ResultFlag> flags) {
        List<HistoryEntry> out = new ArrayList<>();
        for (HistoryEntry e : list) {
            out.add(
                    flags.contains(ResultFlag.INCLUDE_OUTPUT)
                            ? e
                            : new HistoryEntry(e.getSession(), e.getCellNumber(), e.getInput(), null));
        }
        return out;
    }

    /** IPython's history glob: {@code *} any text, {@code ?} one character, matched against the whole input. */
    static Pattern globPattern(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
