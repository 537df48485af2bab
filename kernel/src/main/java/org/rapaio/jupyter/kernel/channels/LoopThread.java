package org.rapaio.jupyter.kernel.channels;

/**
 * Drop-in replacement for the class of the same name in rapaio-jupyter-kernel 3.0.1, fixing a start-up race.
 *
 * <p>The published {@code start()} is {@code super.start(); running = true;}. When the new thread reads
 * {@code running} before the starting thread sets it, {@link #run()} returns at once and the shell, control
 * or heartbeat loop of the kernel is silently dead: about one kernel start in five never runs a cell. Here
 * {@code running} is set before the thread starts, which {@link Thread#start()} publishes to the new thread.
 *
 * <p>The kernel set-up puts the jar holding this class ahead of the unmodified kernel jar on the kernel's
 * classpath. Drop it when a published kernel sets {@code running} before {@code super.start()} (checked by
 * {@code LoopThreadRaceTest}, which runs against any kernel jar given as {@code rapaio.kernel.jar}).
 */
public final class LoopThread extends Thread {

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
        while (running) {
            loopBody.run();
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
