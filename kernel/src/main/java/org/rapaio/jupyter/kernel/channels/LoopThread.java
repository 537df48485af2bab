package org.rapaio.jupyter.kernel.channels;

/**
 * Drop-in replacement for the class of the same name in rapaio-jupyter-kernel 3.0.1, fixing a start-up race.
 *
 * <p>Two start-up races of the published class each leave a kernel that never runs a cell:
 * <ol>
 *   <li>{@code start()} is {@code super.start(); running = true;}. When the new thread reads {@code running}
 *       first, {@link #run()} returns at once and the shell, control or heartbeat loop is silently dead.
 *       Here {@code running} is set before the thread starts, which {@link Thread#start()} publishes.</li>
 *   <li>The kernel starts its loops before it creates its message-handler map, so the shell loop's first
 *       turn can throw a {@code NullPointerException}, which ends the thread. Here a turn that throws is
 *       logged and the loop goes on: the message is dropped and the client, which resends
 *       {@code kernel_info_request} until answered, recovers. After {@value #MAX_FAILED_TURNS} failed turns
 *       in a row the loop ends as before, so a broken socket cannot make it spin.</li>
 * </ol>
 *
 * <p>The kernel set-up puts the jar holding this class ahead of the unmodified kernel jar on the kernel's
 * classpath. Drop it when a published kernel sets {@code running} before {@code super.start()} (checked by
 * {@code LoopThreadRaceTest}, which runs against any kernel jar given as {@code rapaio.kernel.jar}).
 */
public final class LoopThread extends Thread {

    static final int MAX_FAILED_TURNS = 100;

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
}
