package lif.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Facts the kernel shares with {@code bin/install-kernel} and the tests, read from the project's layout file
 * ({@code src/layout/layout.properties}, which Maven fills in from pom.xml and packs into this jar): the
 * kernelspec's name, the version, the environment variables the kernelspec sets.
 */
final class Layout {

    private static final Properties VALUES = load();

    /** The kernelspec's name, e.g. {@code lif-java}. */
    static final String KERNEL_NAME = get("kernel.name");
    /** What Jupyter shows for the kernel, e.g. "Java (LIF tutorial)". */
    static final String DISPLAY_NAME = get("kernel.display.name");
    /** The project's version (pom.xml). */
    static final String VERSION = get("version");
    /** Environment variable: the notebook classpath (entries separated by the platform's path separator). */
    static final String CLASSPATH_VARIABLE = get("kernel.env.classpath");
    /**
     * Environment variable: the part of the notebook classpath javac sees from the start (the library and its own
     * dependencies); absent: all of it.
     */
    static final String COMPILE_CLASSPATH_VARIABLE = get("kernel.env.compile.classpath");
    /** Environment variable: a file of imports run before the first cell. */
    static final String INIT_VARIABLE = get("kernel.env.init");
    /** Environment variable: the CPU budget of the background javac warm-up, s (0: off). */
    static final String WARMUP_VARIABLE = get("kernel.env.warmup");

    private Layout() {}

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Layout.class.getResourceAsStream("layout.properties")) {
            if (in == null) {
                throw new IllegalStateException("lif/kernel/layout.properties is missing from the kernel jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static String get(String key) {
        String value = VALUES.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("lif/kernel/layout.properties has no value for " + key);
        }
        return value.trim();
    }
}
