package lif.kernel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

/**
 * The "Java (LIF tutorial)" kernel: Jupyter's protocol from jjava-jupyter's {@link BaseKernel}, cells
 * evaluated by JShell in this JVM ({@link Evaluator}), output batched and capped ({@link CellOutput}),
 * interrupts that stop the running cell ({@link CellExecutionControl}).
 */
public final class LifKernel extends BaseKernel {

    static final String NAME = "lif-java";
    static final String VERSION = "1.0.0";

    private final CompletableFuture<Evaluator> evaluator;
    private final OutputRouter router;
    private final CellHistory history;

    private volatile ShellReplyEnvironment current;
    private volatile CellOutput currentOutput;
    private volatile CellThreads currentThreads;

    private LifKernel(CompletableFuture<Evaluator> evaluator, OutputRouter router, CellHistory history) {
        super(
                NAME,
                VERSION,
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
        this.router = router;
        this.history = history;
    }

    /**
     * A kernel whose JShell is being built in the background ({@code evaluator}), so the kernel answers
     * Jupyter at once; the first cell waits for it.
     */
    static LifKernel create(CompletableFuture<Evaluator> evaluator, OutputRouter router) {
        return new LifKernel(evaluator, router, new CellHistory());
    }

    /** Installs the display extensions found on the notebook classpath (the library's figure renderer). */
    void installExtensions(Evaluator ev) {
        for (Extension ext : ServiceLoader.load(Extension.class, ev.classLoader())) {
            try {
                installExtension(ext);
            } catch (RuntimeException | LinkageError e) {
                router.log()
                        .println("lif-kernel: display extension "
                                + ext.getClass().getName() + " failed: " + e);
            }
        }
    }

    private Evaluator evaluator() {
        try {
            return evaluator.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the kernel was starting");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the kernel could not start JShell: " + e.getCause(), e.getCause());
        }
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        String code = request.getCode();
        int count = request.shouldStoreHistory() ? executionCount.getAndIncrement() : executionCount.get();
        env.setStatusBusy();
        env.publish(new PublishExecuteInput(code, count));

        CellOutput output = new CellOutput((stream, text) -> env.publish(new PublishStream(
                stream == CellOutput.Stream.OUT ? PublishStream.StreamType.OUT : PublishStream.StreamType.ERR, text)));
        CellThreads threads = new CellThreads(count, output);
        router.opened(output);
        current = env;
        currentOutput = output;
        currentThreads = threads;
        CellResult result;
        try {
            result = evaluator().run(code, count, threads);
        } catch (RuntimeException | LinkageError e) {
            result = CellResult.error(
                    e.getClass().getName(), String.valueOf(e.getMessage()), StackTraces.format(e, f -> null));
        }
        DisplayData shown = null;
        if (result.hasValue()) {
            try {
                shown = getRenderer().render(result.value);
            } catch (RuntimeException | LinkageError e) {
                result = CellResult.error(
                        e.getClass().getName(),
                        "could not show the value: " + e.getMessage(),
                        StackTraces.format(e, f -> null));
            }
        }
        output.close();
        router.closed(output);
        current = null;
        currentOutput = null;
        currentThreads = null;

        if (result.isError()) {
            env.publish(new PublishError(result.errorName, result.errorValue, styled(result.traceback)));
            ErrorReply error = new ErrorReply(result.errorName, result.errorValue, result.traceback);
            error.setExecutionCount(count);
            env.replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
            if (request.shouldStoreHistory()) {
                history.add(count, code, null);
            }
        } else {
            if (shown != null && !request.isSilent()) {
                env.publish(new PublishExecuteResult(count, shown));
            }
            if (request.shouldStoreHistory()) {
                history.add(
                        count,
                        code,
                        shown == null
                                ? null
                                : String.valueOf(shown.getData(
                                        org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN)));
            }
            env.reply(new ExecuteReply(count, Map.of()));
        }
        env.setStatusIdle();
    }

    private List<String> styled(List<String> lines) {
        return lines.isEmpty() ? lines : errorStyler.secondaryLines(String.join("\n", lines));
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfoOk(
                Header.PROTOCOL_VERISON, NAME, VERSION, getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    /** kernel_info_reply with the {@code status} field the protocol asks for (jjava-jupyter 1.0-a6 omits it). */
    static final class KernelInfoOk extends KernelInfoReply {
        @SuppressWarnings("unused") // serialized by Gson
        private final String status = "ok";

        KernelInfoOk(
                String protocol, String name, String version, LanguageInfo lang, String banner, List<HelpLink> links) {
            super(protocol, name, version, lang, banner, links);
        }
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        // the base class answers only when it finds entries; a reply (with status) must always come
        HistoryRequest request = message.getContent();
        env.setBusyDeferIdle();
        java.util.Set<HistoryManager.ResultFlag> flags = java.util.EnumSet.noneOf(HistoryManager.ResultFlag.class);
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
        env.reply(HistoryOk.of(entries));
    }

    /**
     * history_reply as the protocol has it: {@code status} and {@code [session, line, input]} (or
     * {@code [session, line, [input, output]]}) tuples (jjava-jupyter 1.0-a6's HistoryReply has no status).
     */
    static final class HistoryOk implements ContentType<HistoryOk> {
        @SuppressWarnings("unused") // serialized by Gson
        private final String status = "ok";

        @SuppressWarnings("unused")
        private final List<List<Object>> history;

        private HistoryOk(List<List<Object>> tuples) {
            this.history = tuples;
        }

        static HistoryOk of(List<HistoryEntry> entries) {
            List<List<Object>> tuples = new java.util.ArrayList<>();
            for (HistoryEntry e : entries) {
                tuples.add(List.of(
                        e.getSession(),
                        e.getCellNumber(),
                        e.hasOutput() ? List.of(e.getInput(), e.getOutput()) : e.getInput()));
            }
            return new HistoryOk(tuples);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public MessageType<HistoryOk> getType() {
            return (MessageType) HistoryReply.MESSAGE_TYPE;
        }
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " (JShell) :: LIF tutorial kernel " + VERSION;
    }

    @Override
    public void interrupt() {
        CellThreads threads = currentThreads;
        if (threads != null) {
            threads.requestStop(); // also when the cell still waits for JShell to start
        }
        if (evaluator.isDone() && !evaluator.isCompletedExceptionally()) {
            evaluator.join().control().stopCell();
        }
    }

    /** Shows {@code data} now, in the running cell, after the text printed so far. */
    @Override
    public void display(DisplayData data) {
        ShellReplyEnvironment env = current;
        CellOutput out = currentOutput;
        if (env == null) {
            router.log().println("lif-kernel: display outside a running cell, dropped");
            return;
        }
        if (out != null) {
            out.flush();
        }
        env.publish(new PublishDisplayData(data));
    }

    /** Clears the running cell's output (when {@code wait}, just before its next output). */
    void clearOutput(boolean wait) {
        ShellReplyEnvironment env = current;
        CellOutput out = currentOutput;
        if (env != null) {
            if (out != null) {
                out.flush();
            }
            env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
        }
    }

    @Override
    public Object evalRaw(String source) {
        throw new UnsupportedOperationException("eval(...) inside a cell is not supported by this kernel");
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String text = evaluator().inspect(code, at, extraDetail);
        return text.isEmpty() ? null : new DisplayData(text);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int[] start = new int[1];
        List<String> names = evaluator().complete(code, at, start);
        return new ReplacementOptions(names, start[0], at);
    }

    @Override
    public String isComplete(String code) {
        return evaluator().isComplete(code);
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        super.onShutdown(isRestarting);
        if (evaluator.isDone() && !evaluator.isCompletedExceptionally()) {
            evaluator.join().close();
        }
    }
}
