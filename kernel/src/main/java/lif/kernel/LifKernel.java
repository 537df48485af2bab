package lif.kernel;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

/**
 * The "Java (LIF tutorial)" kernel's protocol side: Jupyter's messages from jjava-jupyter's {@link BaseKernel}
 * (with the fixes of {@link Jjava10a6Workarounds}), answered here; cells are run by {@link CellRunner}.
 */
final class LifKernel extends BaseKernel {

    private final CellRunner runner;
    private final StandardStreams streams;
    private final CellHistory history;
    /** Asks the frontend for input; set when the kernel becomes the connection's handler. */
    private volatile Jjava10a6Workarounds.Connection connection;

    private final CompletableFuture<Evaluator> evaluator;

    private LifKernel(CompletableFuture<Evaluator> evaluator, StandardStreams streams, CellHistory history) {
        super(
                Layout.KERNEL_NAME,
                Layout.VERSION,
                new LanguageInfo.Builder("java")
                        .version(Runtime.version().toString())
                        .mimetype("text/x-java-source")
                        .fileExtension(".jshell")
                        .pygments("java")
                        .codemirror("text/x-java")
                        .build(),
                List.of(
                        new HelpLink("JShell", "https://docs.oracle.com/en/java/javase/17/jshell/"),
                        new HelpLink("Java 17 API", "https://docs.oracle.com/en/java/javase/17/docs/api/")),
                history,
                new JupyterIO(StandardCharsets.UTF_8),
                new CommManager(),
                new Renderer(),
                null,
                new MagicsRegistry(),
                false,
                new StringStyler.Builder()
                        .addPrimaryStyle(TextColor.BOLD_RESET_FG)
                        .addSecondaryStyle(TextColor.BOLD_RED_FG)
                        .addHighlightStyle(TextColor.BOLD_RESET_FG)
                        .build());
        this.evaluator = evaluator;
        this.streams = streams;
        this.history = history;
        this.runner = new CellRunner(evaluator, streams, getRenderer());
    }

    /**
     * A kernel whose JShell is being built in the background ({@code evaluator}), so the kernel answers
     * Jupyter at once; the first cell waits for it.
     */
    static LifKernel create(CompletableFuture<Evaluator> evaluator, StandardStreams streams) {
        return new LifKernel(evaluator, streams, new CellHistory());
    }

    /** Answers the connection's requests; input goes through it too. */
    void becomeHandlerForConnection(Jjava10a6Workarounds.Connection connection) {
        this.connection = connection;
        super.becomeHandlerForConnection(connection);
    }

    /** Installs the display extensions found on the notebook classpath (the library's figure renderer). */
    void installExtensions(Evaluator ev) {
        for (Extension ext : ServiceLoader.load(Extension.class, ev.classLoader())) {
            try {
                installExtension(ext);
            } catch (RuntimeException | LinkageError e) {
                streams.log()
                        .println("lif-kernel: display extension "
                                + ext.getClass().getName() + " failed: " + e);
            }
        }
    }

    @Override
    protected void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        long received = System.nanoTime();
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        String code = request.getCode();
        int count = request.shouldStoreHistory() ? executionCount.getAndIncrement() : executionCount.get();
        env.setBusyDeferIdle(); // idle goes out after the reply, also when something here fails
        env.publish(new PublishExecuteInput(code, count));

        long started = System.nanoTime();
        CellRunner.Outcome outcome = runner.run(code, count, frontend(env, message), request.isStdinEnabled());
        long ran = System.nanoTime();
        CellResult result = outcome.result();
        if (result.isError()) {
            env.publish(new PublishError(result.errorName, result.errorValue, styled(result.traceback)));
        } else if (outcome.shown() != null && !request.isSilent()) {
            env.publish(new PublishExecuteResult(count, outcome.shown()));
        }
        if (request.shouldStoreHistory()) {
            history.add(count, code, shownText(outcome));
        }
        Map<String, Object> metadata = Map.of("timing_ms", timing(outcome, received, started, ran));
        if (result.isError()) {
            ErrorReply error = new ErrorReply(result.errorName, result.errorValue, result.traceback);
            error.setExecutionCount(count);
            @SuppressWarnings({"unchecked", "rawtypes"})
            Message<?> reply = new Message(env.getContext(), ExecuteReply.MESSAGE_TYPE.error(), error, null, metadata);
            env.reply(reply);
        } else {
            env.reply(new Message<>(
                    env.getContext(), ExecuteReply.MESSAGE_TYPE, new ExecuteReply(count, Map.of()), null, metadata));
        }
    }

    /** The running cell's messages: on this request's reply environment; its input through the stdin channel. */
    private CellRunner.Frontend frontend(ShellReplyEnvironment env, Message<ExecuteRequest> request) {
        return new CellRunner.Frontend() {
            @Override
            public void stream(CellOutput.Stream stream, String text) {
                env.publish(new PublishStream(
                        stream == CellOutput.Stream.OUT ? PublishStream.StreamType.OUT : PublishStream.StreamType.ERR,
                        text));
            }

            @Override
            public void display(DisplayData data) {
                env.publish(new PublishDisplayData(data));
            }

            @Override
            public void clearOutput(boolean wait) {
                env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
            }

            @Override
            public String input(String prompt, BooleanSupplier stopped) {
                return connection.input(request, prompt, false, stopped);
            }
        };
    }

    /**
     * Where the kernel's time for a cell went, ms (the execute_reply's metadata; liftests.kernel.latency reads it):
     * the messages before the cell (busy, execute_input), the cell's phases, the rest of running it (its threads,
     * output and bookkeeping), the messages after it (result, history), and the total up to the reply.
     */
    private static Map<String, Double> timing(CellRunner.Outcome outcome, long received, long started, long ran) {
        Evaluator.Times t = outcome.times();
        long phases = t.split() + t.compile() + t.load() + t.run() + outcome.renderNanos();
        long now = System.nanoTime();
        Map<String, Double> ms = new LinkedHashMap<>();
        ms.put("before", (started - received) / 1e6);
        ms.put("split", t.split() / 1e6);
        ms.put("compile", t.compile() / 1e6);
        ms.put("load", t.load() / 1e6);
        ms.put("run", t.run() / 1e6);
        ms.put("render", outcome.renderNanos() / 1e6);
        ms.put("cell", (ran - started - phases) / 1e6);
        ms.put("after", (now - ran) / 1e6);
        ms.put("total", (now - received) / 1e6);
        return ms;
    }

    private static String shownText(CellRunner.Outcome outcome) {
        return outcome.shown() == null ? null : String.valueOf(outcome.shown().getData(MIMEType.TEXT_PLAIN));
    }

    private List<String> styled(List<String> lines) {
        return lines.isEmpty() ? lines : errorStyler.secondaryLines(String.join("\n", lines));
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new Jjava10a6Workarounds.KernelInfoOk(
                Header.PROTOCOL_VERISON, name, version, getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        // the base class answers only when it finds entries; a reply (with status) must always come
        HistoryRequest request = message.getContent();
        env.setBusyDeferIdle();
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(HistoryManager.ResultFlag.INCLUDE_OUTPUT);
        }
        List<HistoryEntry> entries;
        switch (request.getAccessType()) {
            case TAIL:
                entries = history.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
                break;
            case RANGE:
                HistoryRequest.Range r = (HistoryRequest.Range) request;
                entries = history.lookupRange(r.getSessionIndex(), r.getStart(), r.getStop(), flags);
                break;
            default:
                HistoryRequest.Search q = (HistoryRequest.Search) request;
                if (q.filterUnique()) {
                    flags.add(HistoryManager.ResultFlag.UNIQUE);
                }
                entries = history.search(q.getPattern(), q.getMaxReturnLength(), flags);
        }
        env.reply(Jjava10a6Workarounds.HistoryOk.of(entries));
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " (JShell) :: " + Layout.DISPLAY_NAME + " kernel " + version;
    }

    @Override
    public void interrupt() {
        runner.interrupt();
    }

    /** Shows {@code data} now, in the running cell, after the text printed so far. */
    @Override
    public void display(DisplayData data) {
        if (!runner.display(data)) {
            streams.log().println("lif-kernel: display outside a running cell, dropped");
        }
    }

    /** Clears the running cell's output (when {@code wait}, just before its next output). */
    void clearOutput(boolean wait) {
        runner.clearOutput(wait);
    }

    @Override
    public Object evalRaw(String source) {
        throw new UnsupportedOperationException("eval(...) inside a cell is not supported by this kernel");
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String text = runner.evaluator().assist().inspect(code, at, extraDetail);
        return text.isEmpty() ? null : new DisplayData(text);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int[] start = new int[1];
        List<String> names = runner.evaluator().assist().complete(code, at, start);
        return new ReplacementOptions(names, start[0], at);
    }

    @Override
    public String isComplete(String code) {
        return runner.evaluator().assist().isComplete(code);
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        super.onShutdown(isRestarting);
        if (evaluator.isDone() && !evaluator.isCompletedExceptionally()) {
            evaluator.join().close();
        }
    }
}
