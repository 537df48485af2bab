package lif.kernel;

import java.util.Optional;

/**
 * Ends the kernel when the Jupyter process that started it is gone (killed with SIGKILL, say), so no
 * orphaned JVM keeps running: checks the parent every {@value #PERIOD_MILLIS} ms. The parent is
 * {@code JPY_PARENT_PID} when Jupyter sets it, else the process that started this JVM.
 */
final class ParentWatch {

    static final long PERIOD_MILLIS = 1000;

    private ParentWatch() {}

    static void start(String jpyParentPid, Runnable onOrphaned) {
        Optional<ProcessHandle> parent = Optional.empty();
        if (jpyParentPid != null && !jpyParentPid.isBlank()) {
            try {
                parent = ProcessHandle.of(Long.parseLong(jpyParentPid.trim()));
            } catch (NumberFormatException e) {
                parent = Optional.empty();
            }
        }
        if (parent.isEmpty()) {
            parent = ProcessHandle.current().parent();
        }
        if (parent.isEmpty() || parent.get().pid() <= 1) {
            return; // started by init or an unknown parent: nothing to watch
        }
        ProcessHandle p = parent.get();
        Thread t = new Thread(
                () -> {
                    while (p.isAlive()) {
                        try {
                            Thread.sleep(PERIOD_MILLIS);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    onOrphaned.run();
                },
                "lif-parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
