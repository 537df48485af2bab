package lif.kernel;

import org.rapaio.jupyter.kernel.MainApp;

/**
 * Entry point of the "Java (LIF tutorial)" kernel: rapaio's {@link MainApp}, unchanged, plus
 * {@link JavacWarmup} in the background. The kernel spec launches this class instead of MainApp.
 */
public final class KernelMain {

  private KernelMain() {}

  public static void main(String[] args) throws Exception {
    JavacWarmup.fromEnvironment(System.getenv()).start();
    MainApp.main(args);
  }
}
