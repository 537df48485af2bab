package lif.kernel;

import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.dflib.jjava.jupyter.channels.HeartbeatChannel;
import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.reply.InputReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.InputRequest;
import org.zeromq.ZMQ;

/**
 * Where jjava-jupyter 1.0-a6 (org.dflib.jjava:jjava-jupyter) falls short of the Jupyter protocol or of a fast
 * kernel, worked around in one place so it can go when the library is fixed:
 *
 * <ul>
 *   <li>{@link KernelInfoOk}, {@link HistoryOk}: its kernel_info_reply and history_reply lack {@code status};
 *   <li>{@link Connection}: its shell and control loops poll without waiting and then sleep 50 ms, so every
 *       request waited 25 ms on average (a trivial cell took 70 ms); here they block in a ZeroMQ poll and answer
 *       at once. Its stdin channel reads the frontend's answer with a blocking receive that nothing can end;
 *       here {@link Connection#input} waits in short polls, so an interrupt ends the wait.
 * </ul>
 */
final class Jjava10a6Workarounds {

    private Jjava10a6Workarounds() {}

    /** kernel_info_reply with the {@code status} field the protocol asks for. */
    static final class KernelInfoOk extends KernelInfoReply {
        @SuppressWarnings("unused") // serialized by Gson
        private final String status = "ok";

        KernelInfoOk(
                String protocol, String name, String version, LanguageInfo lang, String banner, List<HelpLink> links) {
            super(protocol, name, version, lang, banner, links);
        }
    }

    /**
     * history_reply as the protocol has it: {@code status} and {@code [session, line, input]} (or
     * {@code [session, line, [input, output]]}) tuples.
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
            List<List<Object>> tuples = new ArrayList<>();
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

    /**
     * The kernel's five sockets, as the library's {@link JupyterConnection} has them, with shell and control
     * loops that wait in a blocking poll. They live in a ZeroMQ context of their own: the library keeps its
     * context private, and its own (unused) sockets are only created and closed.
     */
    static final class Connection extends JupyterConnection {
        /** How soon a loop notices {@link #close()}, and an input wait an interrupt, ms. */
        static final long POLL_MILLIS = 100;
        /** How long closing sockets may take to send what is still queued, ms. */
        private static final int LINGER_MILLIS = 1000;

        private final ZMQ.Context context = ZMQ.context(1);
        private final PrintStream log;
        private final HeartbeatChannel heartbeatSocket;
        private final Loop shellLoop;
        private final Loop controlLoop;
        private final StdinChannel stdinSocket;
        private final IOPubChannel iopubSocket;
        private final KernelConnectionProperties props;

        Connection(KernelConnectionProperties props, PrintStream log)
                throws NoSuchAlgorithmException, InvalidKeyException {
            super(props);
            this.props = props;
            this.log = log;
            HMACGenerator hmac = props.createHMACGenerator();
            heartbeatSocket = new HeartbeatChannel(context, hmac);
            shellLoop = new Loop(context, hmac, false, this);
            controlLoop = new Loop(context, hmac, true, this);
            stdinSocket = new StdinChannel(context, hmac);
            iopubSocket = new IOPubChannel(context, hmac);
            for (ZMQ.Socket s : List.of(heartbeatSocket, shellLoop, controlLoop, stdinSocket, iopubSocket)) {
                s.setLinger(LINGER_MILLIS);
            }
        }

        @Override
        public void connect() {
            heartbeatSocket.bind(props);
            iopubSocket.bind(props);
            stdinSocket.bind(props);
            controlLoop.bind(props);
            shellLoop.bind(props);
            iopubSocket.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
        }

        @Override
        public IOPubChannel getIOPub() {
            return iopubSocket;
        }

        @Override
        public ShellReplyEnvironment prepareReplyEnv(ShellChannel shell, MessageContext context) {
            return new ShellReplyEnvironment(shell, stdinSocket, iopubSocket, context) {};
        }

        /**
         * Asks the frontend for a line of input on behalf of the request {@code parent} (an execute_request
         * that allows stdin), through an input_request on the stdin channel; waits for the answer.
         *
         * @throws CellStop.Stopped when {@code stopped} becomes true while it waits (an interrupt)
         */
        String input(MessageContext parent, String prompt, boolean password, BooleanSupplier stopped) {
            synchronized (stdinSocket) {
                try (ZMQ.Poller poller = context.poller(1)) {
                    poller.register(stdinSocket, ZMQ.Poller.POLLIN);
                    while (poller.poll(0) > 0) {
                        stdinSocket.readMessage(); // a late answer to a question given up on: dropped
                    }
                    Message<InputRequest> request =
                            new Message<>(parent, InputRequest.MESSAGE_TYPE, new InputRequest(prompt, password));
                    stdinSocket.sendMessage(request);
                    while (true) {
                        if (stopped.getAsBoolean()) {
                            throw new CellStop.Stopped();
                        }
                        if (Thread.interrupted()) {
                            if (stopped.getAsBoolean()) {
                                throw new CellStop.Stopped();
                            }
                            throw new UncheckedIOException(
                                    new InterruptedIOException("interrupted while waiting for input"));
                        }
                        if (poller.poll(POLL_MILLIS) > 0) {
                            Message<?> answer = stdinSocket.readMessage();
                            if (answers(answer, request)) {
                                return ((InputReply) answer.getContent()).getValue();
                            }
                        }
                    }
                }
            }
        }

        /** An input_reply to {@code request} (jupyter_client's answers name no parent; others name the request). */
        private static boolean answers(Message<?> answer, Message<InputRequest> request) {
            return answer != null
                    && answer.getContent() instanceof InputReply
                    && (!answer.hasParentHeader()
                            || request.getHeader()
                                    .getId()
                                    .equals(answer.getParentHeader().getId()));
        }

        /** Ends both loops (each closes its socket) and the other sockets; returns at once. */
        @Override
        public void close() {
            shellLoop.close();
            controlLoop.close();
            heartbeatSocket.close();
            super.close(); // the library's own, never bound, sockets and context
        }

        /**
         * Waits until the loops have ended (the shell loop at most a few seconds: it may be inside a cell that
         * cannot be stopped), then closes stdin and iopub once what they queued is sent.
         */
        @Override
        public void waitUntilClose() {
            controlLoop.waitUntilClose();
            heartbeatSocket.waitUntilClose();
            if (shellLoop.awaitEnd(3000)) {
                stdinSocket.close();
                iopubSocket.close();
                context.close();
            }
        }

        private void logged(String what, Throwable e) {
            log.println("lif-kernel: " + what + ": " + e);
        }
    }

    /** A shell or control socket whose thread waits in a blocking poll and runs each request's handler. */
    static final class Loop extends ShellChannel {
        private final boolean isControl;
        private final Connection connection;
        private volatile boolean running;
        private Thread thread;

        Loop(ZMQ.Context context, HMACGenerator hmac, boolean isControl, Connection connection) {
            super(context, hmac, isControl, connection);
            this.isControl = isControl;
            this.connection = connection;
        }

        @Override
        public void bind(KernelConnectionProperties p) {
            bind(formatAddress(p.getTransport(), p.getIp(), isControl ? p.getControlPort() : p.getShellPort()));
            running = true;
            thread = new Thread(this::serve, isControl ? "lif-control" : "lif-shell");
            thread.start();
        }

        private void serve() {
            try (ZMQ.Poller poller = ctx.poller(1)) {
                poller.register(this, ZMQ.Poller.POLLIN);
                while (running) {
                    if (poller.poll(Connection.POLL_MILLIS) > 0 && running) {
                        handle();
                    }
                }
            } catch (RuntimeException e) {
                connection.logged((isControl ? "control" : "shell") + " loop failed", e);
            } finally {
                closeSocket();
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void handle() {
            Message<?> message;
            try {
                message = readMessage();
            } catch (RuntimeException e) { // a bad signature, a message the library cannot parse
                connection.logged("dropped a message", e);
                return;
            }
            ShellHandler handler = connection.getHandler(message.getHeader().getType());
            if (handler == null) {
                return; // a request this kernel does not know (debug_request, ...): Jupyter times out on it
            }
            ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
            try {
                handler.handle(env, message);
            } catch (RuntimeException e) {
                connection.logged("handling " + message.getHeader().getType().getName() + " failed", e);
            } finally {
                env.resolveDeferrals();
            }
            if (env.isMarkedForShutdown()) {
                connection.close();
            }
        }

        private void closeSocket() {
            super.close();
        }

        /** Asks the loop to end; it closes its socket itself (ZeroMQ sockets belong to one thread). */
        @Override
        public void close() {
            running = false;
        }

        @Override
        public void waitUntilClose() {
            awaitEnd(0);
        }

        /** Waits for the loop's thread to end, at most {@code millis} (0: no limit); true if it ended. */
        boolean awaitEnd(long millis) {
            if (thread == null) {
                return true;
            }
            try {
                thread.join(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return !thread.isAlive();
        }
    }
}
