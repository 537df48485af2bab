package lif.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JShellClassHistoryTest extends WithEvaluator {

    @Test
    void reRunningACellKeepsTheCompiledClassesFromGrowing() {
        String cell = "double tau = 20e-3;\nint steps = 150;\nSystem.out.print(\"\");\ndouble v = -60e-3;\n"
                + "for (int s = 0; s < steps; s++) { v += 1e-3 / tau * (-60e-3 - v); }\nv";
        assertFalse(run(cell).isError());
        int kept = evaluator.compiledClasses();
        assertTrue(kept >= 0, "the kernel cannot reach JShell's compiled classes on this JDK");
        for (int i = 0; i < 40; i++) {
            CellResult r = run(cell);
            assertEquals(-0.06, (Double) r.value, 1e-12);
        }
        // without forgetting: 40 re-runs x (4 declarations + 2 statements) more
        assertTrue(evaluator.compiledClasses() <= kept + 2, kept + " -> " + evaluator.compiledClasses());
    }

    @Test
    void laterCellsStillCompileAgainstEveryKindOfEarlierDeclaration() {
        assertFalse(run("record Point(double x, double y) { double norm() { return Math.hypot(x, y); } }")
                .isError());
        assertFalse(run("interface Shape { double area(); }").isError());
        assertFalse(run("class Square implements Shape { final double side; Square(double s) { side = s; }\n"
                        + "  public double area() { return side * side; }\n"
                        + "  Shape twice() { return new Shape() { public double area() { return 2 * Square.this.area(); } }; } }")
                .isError());
        assertFalse(run("double scale = 2;").isError());
        assertFalse(run("double scaled(double x) { return scale * x; }").isError());
        assertFalse(
                run("java.util.function.DoubleUnaryOperator half = x -> x / 2;").isError());
        for (int i = 0; i < 5; i++) { // statements and expressions in between, all forgotten
            run("System.out.print(\"\");");
            run("1 + " + i);
        }
        assertEquals(5.0, run("new Point(3, 4).norm()").value);
        assertEquals(18.0, run("new Square(3).twice().area()").value);
        assertEquals(6.0, run("scaled(3)").value);
        assertFalse(run("double scale = 10;").isError()); // redefined: scaled() now uses the new value
        assertEquals(30.0, run("scaled(3)").value);
        assertEquals(1.5, run("half.applyAsDouble(3)").value);
    }

    @Test
    void nestedClassesBelongToTheirSnippetsClass() {
        assertEquals("REPL.$JShell$12", JShellClassHistory.outerClass("REPL.$JShell$12"));
        assertEquals("REPL.$JShell$12", JShellClassHistory.outerClass("REPL.$JShell$12$Point"));
        assertEquals("REPL.$JShell$12", JShellClassHistory.outerClass("REPL.$JShell$12$1"));
        assertEquals("REPL.$JShell$12B_13", JShellClassHistory.outerClass("REPL.$JShell$12B_13$Shape"));
    }
}
