package lif.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellErrorsTest extends WithEvaluator {

    @Test
    void aCompileErrorNamesTheCellLineAndPointsAtTheColumn() {
        CellResult r = run("double v = 1;\n\nint n = \"text\";\n");
        assertEquals("CompileError", r.errorName);
        assertEquals(
                List.of(
                        "Compile error, line 3: incompatible types: java.lang.String cannot be converted to int",
                        "    int n = \"text\";",
                        "            ^"),
                r.traceback);
        assertEquals("incompatible types: java.lang.String cannot be converted to int", r.errorValue);
    }

    @Test
    void anErrorInsideAMultiLineSnippetCountsLinesFromTheCellsTop() {
        CellResult r = run("int a = 1;\nfor (int i = 0; i < 3; i++) {\n    a += undefinedName;\n}\n");
        assertEquals("Compile error, line 3: cannot find symbol", r.traceback.get(0));
        assertEquals("  symbol:   variable undefinedName", r.traceback.get(1), "javac's location line is dropped");
        assertEquals("        a += undefinedName;", r.traceback.get(2));
        assertEquals("    " + " ".repeat(9) + "^", r.traceback.get(3));
    }

    @Test
    void formatsEveryProblemOfASnippet() {
        CellResult r = CellErrors.compileError(
                "int x = a +\n    b;",
                10,
                List.of(
                        new CellErrors.Problem("cannot find symbol\n  symbol: variable a\n  location: class", 8),
                        new CellErrors.Problem("cannot find symbol", 16)));
        assertEquals(
                List.of(
                        "Compile error, line 10: cannot find symbol",
                        "  symbol: variable a",
                        "    int x = a +",
                        "            ^",
                        "Compile error, line 11: cannot find symbol",
                        "        b;",
                        "        ^"),
                r.traceback);
        assertEquals(
                "Compile error: the code is not valid Java",
                CellErrors.compileError("x", 1, List.of()).traceback.get(0));
    }

    @Test
    void aCompileErrorAfterACommentCountsTheCommentsLines() {
        CellResult r = run("int b = 1;\n// the next line is wrong\n\nint c = \"x\";");
        assertEquals(
                "Compile error, line 4: incompatible types: java.lang.String cannot be converted to int",
                r.traceback.get(0));
    }

    @Test
    void anExceptionAfterACommentNamesItsOwnLine() {
        CellResult r = run("int b = 1;\n// divides by zero\n\nint c = b / 0;");
        assertEquals("    at (cell [4], line 4)", r.traceback.get(1));
    }

    @Test
    void anExceptionShowsTheLearnersFramesWithCellAndLine() {
        CellResult r = run("int half(int n) {\n    return n / 0;\n}\nhalf(3)");
        assertEquals("java.lang.ArithmeticException", r.errorName);
        assertEquals("java.lang.ArithmeticException: / by zero", r.traceback.get(0));
        assertEquals("    at half (cell [4], line 2)", r.traceback.get(1));
        assertEquals("    at (cell [4], line 4)", r.traceback.get(2));
    }

    @Test
    void aDeclarationUsingSomethingUndeclaredSaysWhat() {
        CellResult r = run("int a = 1;\nclass Neuron extends Cell {}");
        assertEquals("CompileError", r.errorName);
        assertEquals("line 2 uses class Cell, which is not declared (yet)", r.errorValue);
        assertNull(run("double area() { return PI_SQUARED * 2; }").errorName, "JShell keeps it for later");
        r = run("area()");
        assertEquals("UnresolvedReference", r.errorName);
        assertTrue(r.errorValue.startsWith("this code calls something that is not declared yet"), r.errorValue);
    }
}
