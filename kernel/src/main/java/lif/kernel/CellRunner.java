package lif.kernel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;

/**
 * Runs cells, apart from the Jupyter protocol (as ipykernel's {@code do_execute} is apart from its message
 * handling): opens a cell's output and input, runs its snippets ({@link Evaluator}), renders its value, and
 * stops it on an interrupt. {@link LifKernel} turns what comes out into messages, through a {@link Frontend}.
 * One cell runs at a time (the shell thread's); {@link #interrupt()}, {@link #display} and
 * {@link #clearOutput} may come from any thread.
 */
final class CellRunner {

    /** Where a running cell's text, displays and questions go: the notebook, through the protocol. */
    interface Frontend {
        void stream(CellOutput.Stream stream, String text);

        void display(DisplayData data);

        void clearOutput(boolean wait);

        /**
         * Asks the learner for a line (only called when the request allows input).
         *
         * @throws CellStop.Stopped when {@code stopped} becomes true while it waits
         */
        String input(String prompt, BooleanSupplier stopped);
    }

    /** What a cell gave: its result (a value or an error), the value rendered (or null), the times it took. */
    record Outcome(CellResult result, DisplayData shown, Evaluator.Times times, long renderNanos) {}

    /** The running cell: where its messages go and its threads. One object, replaced as a whole. */
    private record Running(Frontend frontend, CellThreads threads) {}

    private final CompletableFuture<Evaluator> evaluator;
    private final StandardStreams streams;
    private final Renderer renderer;
    private volatile Running current;

    /**
     * @param evaluator JShell, still starting when the kernel already answers: the first cell waits for it
     */
    CellRunner(CompletableFuture<Evaluator> evaluator, StandardStreams streams, Renderer renderer) {
        this.evaluator = evaluator;
        this.streams = streams;
        this.renderer = renderer;
    }

    /** Runs one cell; its output, displays and questions go to {@code frontend} while it runs. */
    Outcome run(String code, int executionCount, Frontend frontend, boolean allowInput) {
        CellOutput output = new CellOutput(frontend::stream);
        CellInput input = new CellInput(
                allowInput
                        ? prompt -> {
                            output.flush(); // a prompt printed with print() shows before the input box
                            CellThreads reader = CellThreads.of(Thread.currentThread()); // this cell
                            return frontend.input(prompt, () -> reader == null || reader.stopRequested());
                        }
                        : null);
        CellThreads threads = new CellThreads(executionCount, output, input, this::place);
        streams.opened(output);
        current = new Running(frontend, threads);
        CellResult result;
        Evaluator.Times times = new Evaluator.Times(0, 0, 0, 0);
        DisplayData shown = null;
        long renderNanos = 0;
        try {
            try {
                Evaluator ev = evaluator();
                result = ev.run(code, executionCount, threads);
                times = ev.times();
            } catch (RuntimeException | LinkageError e) {
                result = CellErrors.kernelError(null, e);
            }
            if (result.hasValue()) {
                long t0 = System.nanoTime();
                try {
                    shown = result.value instanceof DisplayData
                            ? (DisplayData) result.value
                            : renderer.render(result.value);
                } catch (RuntimeException | LinkageError e) {
                    result = CellErrors.kernelError("could not show the value", e);
                }
                renderNanos = System.nanoTime() - t0;
            }
        } finally {
            input.end();
            output.close();
            streams.closed(output);
            current = null;
        }
        return new Outcome(result, shown, times, renderNanos);
    }

    /** Stops the running cell, or the threads the last cell left running. */
    void interrupt() {
        Running running = current;
        if (running != null) {
            running.threads().requestStop(); // also when the cell still waits for JShell to start
        }
        if (evaluator.isDone() && !evaluator.isCompletedExceptionally()) {
            evaluator.join().control().stopCell();
        }
    }

    /** Shows {@code data} now, in the running cell, after the text printed so far; false when no cell runs. */
    boolean display(DisplayData data) {
        Running running = current;
        if (running == null) {
            return false;
        }
        running.threads().output.flush();
        running.frontend().display(data);
        return true;
    }

    /** Clears the running cell's output (when {@code wait}, just before its next output). */
    void clearOutput(boolean wait) {
        Running running = current;
        if (running != null) {
            running.threads().output.flush();
            running.frontend().clearOutput(wait);
        }
    }

    Evaluator evaluator() {
        try {
            return evaluator.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the kernel was starting");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the kernel could not start JShell: " + e.getCause(), e.getCause());
        }
    }

    private String place(StackTraceElement f) {
        return evaluator.isDone() && !evaluator.isCompletedExceptionally()
                ? evaluator.join().place(f)
                : null;
    }
}
