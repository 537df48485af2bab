package org.rapaio.jupyter.kernel.channels;

import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;

/**
 * Drop-in replacement for the class of the same name in rapaio-jupyter-kernel 3.0.1, fixing its start-up
 * races. The kernel runs its shell, control and heartbeat channels in {@code LoopThread}s; each race below
 * leaves a kernel that never runs a cell, or that a Notebook server waits on for a minute.
 * <ol>
 *   <li>The published {@code start()} is {@code super.start(); running = true;}: when the new thread reads
 *       {@code running} first, {@link #run()} returns at once and the channel is silently dead. Here
 *       {@code running} is set before the thread starts, which {@link Thread#start()} publishes.</li>
 *   <li>The kernel starts its loops before it creates and fills its message-handler map. A message that
 *       arrives in between is dropped ("Unhandled message: kernel_info_request"; Notebook 6 sends that
 *       request once and then waits 60 s) or throws a {@code NullPointerException} that ends the shell
 *       loop. Here the shell and control loops wait until the kernel's {@link Channels} reports itself
 *       connected, which it does after the map is filled; messages wait in their socket meanwhile.</li>
 *   <li>Should a turn still throw, it is logged and the loop goes on; after {@value #MAX_FAILED_TURNS}
 *       failed turns in a row the loop ends as before, so a broken socket cannot make it spin.</li>
 * </ol>
 * The kernel set-up puts the jar holding this class ahead of the unmodified kernel jar on the kernel's
 * classpath; see kernel/README.md for when to drop it.
 */
public final class LoopThread extends Thread {

    static final int MAX_FAILED_TURNS = 100;
    private static final long CONNECT_WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private volatile boolean running = false;
    private final long sleep;
    private final Runnable loopBody;

    /**
     * @param name     thread name
     * @param sleep    pause between two runs of {@code loopBody}, in milliseconds
     * @param loopBody work done on each turn of the loop
     */
    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        awaitHandlers();
        int failedTurns = 0;
        while (running) {
            try {
                loopBody.run();
                failedTurns = 0;
            } catch (RuntimeException e) {
                if (!running || ++failedTurns >= MAX_FAILED_TURNS) {
                    throw e;
                }
                System.err.println(getName() + ": a loop turn failed, the loop goes on: " + e);
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true; // before start(): the new thread must never see false on its first check
        super.start();
    }

    /** Asks the loop to stop after its current turn. */
    public void shutdown() {
        running = false;
    }

    /** For a shell or control loop, waits until the kernel has filled its handler map (race 2). */
    private void awaitHandlers() {
        Channels channels = dispatchingChannels(loopBody);
        if (channels == null) {
            return;
        }
        try {
            Field connected = Channels.class.getDeclaredField("isConnected");
            connected.setAccessible(true);
            long deadline = System.nanoTime() + CONNECT_WAIT_NANOS;
            while (running && !connected.getBoolean(channels) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println(getName() + ": cannot wait for the kernel's handlers (" + e + "); going on");
        } catch (InterruptedException e) {
            running = false;
        }
    }

    /**
     * The kernel's {@link Channels} when {@code body} is the loop of a channel that dispatches messages to
     * handlers (shell, control), else null. The body is the channel's lambda, which captures the channel.
     */
    static Channels dispatchingChannels(Runnable body) {
        try {
            for (Field field : body.getClass().getDeclaredFields()) {
                if (ShellChannel.class.isAssignableFrom(field.getType())
                        || ControlChannel.class.isAssignableFrom(field.getType())) {
                    field.setAccessible(true);
                    AbstractChannel channel = (AbstractChannel) field.get(body);
                    return channel == null ? null : channel.channels;
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("LoopThread: cannot find the kernel's channels (" + e + ")");
        }
        return null;
    }
}
