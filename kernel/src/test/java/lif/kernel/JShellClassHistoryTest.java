package lif.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

    @Test
    void mutuallyRecursiveMethodsSurviveRedefiningWhatTheyUse() {
        // a waits for b, b completes a, then a and the type they use are redefined: JShell recompiles the
        // dependents, and the classes they were compiled against before are forgotten
        for (String cell : List.of(
                "class Spot {}",
                "int a(Spot p) { return b(\"x\"); }",
                "int b(String s) { return s == null ? a(null) : s.length(); }",
                "int a(Spot p) { return 2; }",
                "class Spot { int x = 5; }")) {
            CellResult r = run(cell);
            assertFalse(r.isError(), cell + ": " + r.traceback);
        }
        assertEquals(1, run("b(\"y\")").value);
        assertEquals(2, run("b(null)").value);
        assertEquals(5, run("new Spot().x").value);
    }

    @Test
    void enumsSwitchesAndRedefinedTypesStillCompile() {
        assertFalse(run("enum Mode { EULER, EXACT }").isError());
        assertFalse(
                run("String describe(Mode m) { switch (m) { case EULER: return \"step\"; default: return \"closed\"; } }")
                        .isError());
        assertFalse(run("record Sample(double t, double v) {}").isError());
        assertFalse(run("Sample first = new Sample(0, -0.06);").isError());
        assertFalse(run("double vOf(Sample s) { return s.v(); }").isError());
        for (int i = 0; i < 3; i++) {
            run("System.out.print(\"\");");
        }
        assertFalse(run("record Sample(double t, double v, double i) {}").isError()); // dependents recompile
        assertEquals("step", run("describe(Mode.EULER)").value);
        assertEquals(-0.06, run("vOf(new Sample(0, -0.06, 0))").value);
        assertFalse(run("double later() { return undefinedYet * 2; }").isError()); // waits for undefinedYet
        assertFalse(run("double undefinedYet = 4;").isError());
        assertEquals(8.0, run("later()").value);
    }

    @Test
    void classFilesNameTheirReplClasses() {
        byte[] file = "..LREPL/$JShell$1$Point;..REPL/$JShell$12B_13..java/lang/Object..REPL/$JShell$7"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(
                java.util.Set.of("REPL.$JShell$1", "REPL.$JShell$12B_13", "REPL.$JShell$7"),
                JShellClassHistory.replClassesIn(file));
    }
}
