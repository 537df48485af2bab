package lif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Mt19937JumpTest {

    @Test
    void characteristicPolynomialHasMersenneDegreeAndIsARecurrenceOfTheStream() {
        Gf2Polynomial p = Mt19937Jump.characteristicPolynomial();
        assertEquals(p, Mt19937Jump.findCharacteristicPolynomial(), "the kept constant is what Berlekamp-Massey finds");
        assertEquals(19937, p.degree());
        assertEquals(1, p.coefficient(0), "P(0) = 1 (P is irreducible)");
        // sum_i p_i s_{j+i} = 0 for a bit sequence of another seed, at several j
        Mt19937 g = new Mt19937();
        g.seed(2020);
        int[] top = new int[40 * Mt19937.N];
        for (int b = 0; b < 40; b++) {
            g.nextBlock();
            for (int i = 0; i < Mt19937.N; i++) {
                top[b * Mt19937.N + i] = g.state[i] >>> 31;
            }
        }
        for (int j : new int[] {0, 1, 777, top.length - 19938}) {
            int sum = 0;
            for (int i = 0; i <= 19937; i++) {
                sum ^= p.coefficient(i) & top[j + i];
            }
            assertEquals(0, sum, "recurrence at j=" + j);
        }
    }

    @Test
    void berlekampMasseyFindsASmallKnownRecurrence() {
        // s_{j+4} = s_{j+1} + s_j: characteristic polynomial x^4 + x + 1
        int length = 40;
        int[] s = new int[length];
        s[0] = 1;
        for (int j = 0; j + 4 < length; j++) {
            s[j + 4] = s[j + 1] ^ s[j];
        }
        long[] bits = new long[1];
        for (int j = 0; j < length; j++) {
            bits[0] |= (long) s[j] << j;
        }
        assertEquals(Gf2Polynomial.of(4, 1, 0), Gf2Polynomial.minimalPolynomial(bits, length));
    }

    @Test
    void xPowerModMatchesRepeatedMultiplicationByX() {
        // a gap of 4 below the top power (reduced 4 bits at a time), a gap of 1, and a modulus of degree 70
        for (Gf2Polynomial m : new Gf2Polynomial[] {
            Gf2Polynomial.of(7, 3, 0), Gf2Polynomial.of(8, 7, 2, 1, 0), Gf2Polynomial.of(70, 5, 0)
        }) {
            Gf2Polynomial byHand = Gf2Polynomial.of(0);
            for (int k = 0; k <= 300; k++) {
                assertEquals(byHand, m.xPowerMod(k), "x^" + k + " mod " + m);
                byHand = timesXMod(byHand, m);
            }
        }
        assertEquals("x^7 + x^3 + 1", Gf2Polynomial.of(7, 3, 0).toString());
    }

    /** a * x mod m, coefficient by coefficient. */
    private static Gf2Polynomial timesXMod(Gf2Polynomial a, Gf2Polynomial m) {
        java.util.List<Integer> powers = new java.util.ArrayList<>();
        for (int i = 0; i <= a.degree(); i++) {
            if (a.coefficient(i) == 1) {
                powers.add(i + 1);
            }
        }
        Gf2Polynomial shifted =
                Gf2Polynomial.of(powers.stream().mapToInt(Integer::intValue).toArray());
        return shifted.coefficient(m.degree()) == 1 ? add(shifted, m) : shifted;
    }

    private static Gf2Polynomial add(Gf2Polynomial a, Gf2Polynomial b) {
        java.util.List<Integer> powers = new java.util.ArrayList<>();
        for (int i = 0; i <= Math.max(a.degree(), b.degree()); i++) {
            if ((a.coefficient(i) ^ b.coefficient(i)) == 1) {
                powers.add(i);
            }
        }
        return Gf2Polynomial.of(powers.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Jumps of k words from a fresh seed equal k steps of the generator, word for word. */
    @ParameterizedTest
    @ValueSource(
            longs = {
                0,
                1,
                2,
                396,
                623,
                624,
                625,
                1247,
                1248,
                19937,
                30_000,
                300_001,
                2L * 150 * 25,
                2L * 1000 * 50_000 + 3
            })
    void jumpEqualsSteppingFromAFreshSeed(long k) {
        MersenneTwister stepped = new MersenneTwister(2020);
        for (long i = 0; i < k; i++) {
            stepped.nextInt();
        }
        Mt19937 jumped = new Mt19937();
        jumped.seed(2020);
        Mt19937Jump.ofWords(k).applyTo(jumped);
        for (int i = 0; i < 1500; i++) {
            assertEquals(stepped.nextInt(), jumped.nextInt(), "word " + i + " after a jump of " + k);
        }
    }

    /** From mid-block and odd positions, and repeated jumps of one polynomial. */
    @Test
    void jumpFromAnyPositionAndRepeatedJumpsEqualStepping() {
        Mt19937 stepped = new Mt19937();
        stepped.seed(7);
        Mt19937 jumped = new Mt19937();
        jumped.seed(7);
        for (int i = 0; i < 1001; i++) { // odd, mid-block
            stepped.nextInt();
            jumped.nextInt();
        }
        Mt19937Jump jump = Mt19937Jump.ofWords(5_003);
        for (int round = 0; round < 3; round++) {
            jump.applyTo(jumped);
            for (int i = 0; i < 5_003; i++) {
                stepped.nextInt();
            }
            Mt19937 probe = jumped.copy();
            Mt19937 reference = stepped.copy();
            for (int i = 0; i < 1300; i++) {
                assertEquals(reference.nextInt(), probe.nextInt(), "round " + round + ", word " + i);
            }
            stepped.nextInt(); // one more word, so the next jump starts at another offset in the block
            jumped.nextInt();
        }
    }

    @Test
    void jumpEqualsDrawsOfTheNumpyStream() {
        // neuron j of a 50 x 150 ensemble starts at double 150 j, i.e. word 300 j
        NumpyRandom all = new NumpyRandom(2020);
        double[] draws = all.random(50 * 150);
        Mt19937 g = new Mt19937();
        g.seed(2020);
        Mt19937Jump.ofWords(2L * 150 * 37).applyTo(g);
        double[] row = new double[150];
        g.fill(row, 0, 150);
        for (int k = 0; k < 150; k++) {
            assertEquals(draws[37 * 150 + k], row[k], "draw " + k + " of neuron 37");
        }
    }

    @Test
    void negativeJumpIsRefused() {
        assertEquals(
                "words (32-bit words to skip) must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> Mt19937Jump.ofWords(-1))
                        .getMessage());
    }
}
