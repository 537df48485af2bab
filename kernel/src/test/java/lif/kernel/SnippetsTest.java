package lif.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SnippetsTest {

    static JShell shell;

    @BeforeAll
    static void start() {
        shell = JavacWarmup.newShell();
    }

    @AfterAll
    static void stop() {
        shell.close();
    }

    static List<Snippets.Piece> split(String code) {
        return Snippets.split(shell.sourceCodeAnalysis(), code);
    }

    @Test
    void aCellIsCutIntoItsSnippetsWithWhereEachStarts() {
        String code =
                "double dt = 1e-3;\n\n// doubled\nint n = 3;\nfor (int i = 0; i < n; i++) {\n  dt *= 2;\n}\n  dt\n";
        List<Snippets.Piece> pieces = split(code);
        assertEquals(4, pieces.size(), pieces.toString());
        for (Snippets.Piece p : pieces) {
            String text = p.source().endsWith(";")
                    ? p.source().substring(0, p.source().length() - 1)
                    : p.source();
            assertTrue(code.startsWith(text, p.start()), "the source is the cell's text from start: " + p);
        }
        assertEquals(
                List.of(1, 1, 4, 7),
                pieces.stream().map(p -> Snippets.lineOf(code, p.start())).toList());
        assertEquals(
                List.of(1, 4, 5, 8),
                pieces.stream().map(p -> Snippets.lineOf(code, p.code())).toList());
        assertEquals("dt", pieces.get(3).source().strip());
        assertTrue(pieces.stream().allMatch(Snippets.Piece::isComplete));
        assertEquals(code.length(), pieces.get(3).end());
        assertEquals(pieces.get(1).start(), pieces.get(0).end());
    }

    @Test
    void codeStartsAfterBlanksAndComments() {
        assertEquals(14, Snippets.codeStart("\n// a\n/* b */ x", 0));
        assertEquals(3, Snippets.codeStart("x; y", 2));
        assertEquals(4, Snippets.codeStart("// a", 0));
    }

    @Test
    void anIncompleteEndIsTheLastPiece() {
        List<Snippets.Piece> pieces = split("int a = 1;\nfor (int i = 0; i < 2; i++) {");
        assertEquals(2, pieces.size());
        assertEquals(Completeness.DEFINITELY_INCOMPLETE, pieces.get(1).completeness());
        assertEquals("for (int i = 0; i < 2; i++) {", pieces.get(1).source().strip());
    }

    @Test
    void blankCodeHasNoSnippets() {
        assertEquals(List.of(), split(""));
        assertEquals(List.of(), split("  \n\t\n"));
        assertEquals(List.of(), split("// only a comment\n"));
    }
}
