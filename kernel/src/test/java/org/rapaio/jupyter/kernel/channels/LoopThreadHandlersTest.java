package org.rapaio.jupyter.kernel.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;

/** Race 2 of {@link LoopThread}: the shell loop must not read messages before the kernel has its handlers. */
class LoopThreadHandlersTest {

    @Test
    void shellLoopWaitsUntilTheKernelHasItsHandlers() throws Exception {
        Channels channels = new Channels(new ConnectionProperties(0, 0, "tcp", "hmac-sha256", 0, 0, "127.0.0.1", 0, "k"));
        try {
            Field shellField = Channels.class.getDeclaredField("shell");
            shellField.setAccessible(true);
            ShellChannel shell = (ShellChannel) shellField.get(channels);
            CountDownLatch turned = new CountDownLatch(1);
            // like the kernel's own shell loop: a lambda that captures the shell channel
            Runnable body = () -> {
                if (shell != null) {
                    turned.countDown();
                }
            };
            assertEquals(channels, LoopThread.dispatchingChannels(body));
            LoopThread loop = new LoopThread("Shell-test", 1, body);
            loop.start();
            assertFalse(turned.await(300, TimeUnit.MILLISECONDS), "the shell loop ran before the handlers existed");
            Field connected = Channels.class.getDeclaredField("isConnected");
            connected.setAccessible(true);
            connected.setBoolean(channels, true);  // what Channels.connect does once its handler map is full
            assertTrue(turned.await(5, TimeUnit.SECONDS), "the shell loop did not start once the handlers existed");
            loop.shutdown();
            loop.join(5_000);
        } finally {
            channels.close();
        }
    }

    @Test
    void otherLoopsStartAtOnce() {
        assertNull(LoopThread.dispatchingChannels(() -> { }));
    }

}
