package lif.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites a class compiled from the learner's code so that an interrupt can stop it: a call to
 * {@link CellStop#check()} at the start of every method and before every backward jump (the end of each
 * loop round, a {@code continue}), as the JDK's own {@code LocalExecutionControl} does since Java 21. Forward
 * jumps and straight-line code are left alone, so a loop round costs one more read of a volatile field.
 *
 * <p>The check takes no operands and leaves none, so the stack sizes and stack-map frames stay valid as they
 * are. Only the learner's snippets are rewritten: library code (lif, the JDK) is not, and stops through
 * {@link Thread#interrupt()} where it checks for it.
 */
final class StopChecks {

    private static final String CHECK_OWNER = CellStop.class.getName().replace('.', '/');
    private static final String CHECK_NAME = "check";
    private static final String CHECK_DESCRIPTOR = "()V";

    private StopChecks() {}

    /**
     * Loads and verifies ASM's classes (about 30 ms; ASM's class files are too old for the class-data archive)
     * by rewriting this class once, so that the first cell does not wait for it. Failures are ignored: the
     * first cell then meets them.
     */
    static void warmUp() {
        try (InputStream in = StopChecks.class.getResourceAsStream("StopChecks.class")) {
            if (in != null) {
                insert(in.readAllBytes());
            }
        } catch (IOException | RuntimeException e) {
            // the first cell loads ASM instead
        }
    }

    /**
     * The class file with stop checks.
     *
     * @throws IllegalArgumentException if ASM cannot read the class file (a class-file version newer than it
     *                                  knows: a JDK newer than this kernel)
     */
    static byte[] insert(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(
                new ClassVisitor(Opcodes.ASM9, writer) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        return new Checks(super.visitMethod(access, name, descriptor, signature, exceptions));
                    }
                },
                0);
        return writer.toByteArray();
    }

    /** One method: a check first, and one before each jump to a place already passed. */
    private static final class Checks extends MethodVisitor {
        private final Set<Label> passed = new HashSet<>();

        Checks(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            check();
        }

        @Override
        public void visitLabel(Label label) {
            passed.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (passed.contains(label)) {
                check();
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            if (backward(dflt, labels)) {
                check();
            }
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            if (backward(dflt, labels)) {
                check();
            }
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        private boolean backward(Label dflt, Label[] labels) {
            if (passed.contains(dflt)) {
                return true;
            }
            for (Label l : labels) {
                if (passed.contains(l)) {
                    return true;
                }
            }
            return false;
        }

        private void check() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, CHECK_OWNER, CHECK_NAME, CHECK_DESCRIPTOR, false);
        }
    }
}
