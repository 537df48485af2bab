package lif.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.junit.jupiter.api.Test;

class CellHistoryTest {

    static List<String> inputs(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getInput).collect(Collectors.toList());
    }

    @Test
    void tailRangeAndSearch() {
        CellHistory h = new CellHistory();
        h.add(1, "1+1", "2");
        h.add(2, "int x = 3;", null);
        h.add(3, "1+1", "2");
        h.add(4, "x * 2", "6");
        var none = EnumSet.noneOf(ResultFlag.class);
        assertEquals(List.of("1+1", "x * 2"), inputs(h.lookupTail(2, none)));
        assertEquals(List.of("int x = 3;", "1+1"), inputs(h.lookupRange(CellHistory.SESSION, 2, 4, none)));
        assertEquals(List.of("1+1", "1+1"), inputs(h.search("1?1", 10, none)));
        assertEquals(List.of("1+1"), inputs(h.search("1?1", 10, EnumSet.of(ResultFlag.UNIQUE))));
        assertEquals(List.of("int x = 3;", "x * 2"), inputs(h.search("*x*", 10, none)));
        assertEquals(
                "6",
                h.lookupTail(1, EnumSet.of(ResultFlag.INCLUDE_OUTPUT)).get(0).getOutput());
    }
}
