package lif;

import static lif.Reference.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumpyRandomTest {

    @ParameterizedTest
    @ValueSource(ints = {2020, 0, 12345})
    void first10000DrawsEqualNumpyBitForBit(int seed) {
        double[] expected = Reference.column("random_seed" + seed + ".txt", 0);
        assertEquals(10_000, expected.length);
        assertSameBits(expected, new NumpyRandom(seed).random(10_000), "random(10000), seed " + seed);
        NumpyRandom one = new NumpyRandom(seed);
        double[] oneByOne = new double[expected.length];
        for (int i = 0; i < oneByOne.length; i++) {
            oneByOne[i] = one.random();
        }
        assertSameBits(expected, oneByOne, "random() x 10000, seed " + seed);
    }

    @ParameterizedTest
    @ValueSource(ints = {2020, 0, 12345})
    void commonsMathMersenneTwisterRecipeEqualsNumpy(int seed) {
        double[] expected = Reference.column("random_seed" + seed + ".txt", 0);
        MersenneTwister words = new MersenneTwister(seed);
        double[] recipe = new double[10_000];
        for (int i = 0; i < recipe.length; i++) {
            recipe[i] = numpyDouble(words);
        }
        assertSameBits(expected, recipe, "numpy's formula over MersenneTwister(int), seed " + seed);
    }

    /** numpy's {@code random_standard_uniform} on two words of a commons-math3 generator. */
    private static double numpyDouble(MersenneTwister words) {
        int a = words.nextInt() >>> 5;
        int b = words.nextInt() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    @ParameterizedTest
    @ValueSource(ints = {2020, 0, 12345, Integer.MAX_VALUE})
    void blockEngineEqualsCommonsMathWordForWord(int seed) {
        MersenneTwister reference = new MersenneTwister(seed);
        NumpyRandom fast = new NumpyRandom(seed);
        for (int i = 0; i < 20_000; i++) {
            assertEquals(reference.nextInt(), fast.nextWord(), "word " + i + ", seed " + seed);
        }
    }

    @Test
    void topOfNumpySeedRangeEqualsNumpy() {
        assertSameBits(
                Reference.column("random_seed4294967295.txt", 0),
                new NumpyRandom(4294967295L).random(100),
                "seed 2^32-1");
    }

    @Test
    void arraySeedEqualsNumpyAndCommonsMath() {
        assertSameBits(
                Reference.column("random_seed_array_2020_3.txt", 0),
                NumpyRandom.seededByArray(2020, 3).random(100),
                "np.random.seed([2020, 3])");
        MersenneTwister reference = new MersenneTwister(new int[] {2020, 3});
        NumpyRandom fast = NumpyRandom.seededByArray(2020, 3);
        for (int i = 0; i < 2_000; i++) {
            assertEquals(reference.nextInt(), fast.nextWord(), "word " + i);
        }
    }

    @Test
    void scalarVectorAndMatrixCallsContinueOneStreamRowMajor() {
        double[] expected = Reference.column("random_mixed_seed7.txt", 0);
        NumpyRandom rng = new NumpyRandom(7);
        double[] got = new double[1 + 5 + 12];
        got[0] = rng.random();
        System.arraycopy(rng.random(5), 0, got, 1, 5);
        double[][] m = rng.random(3, 4);
        for (int r = 0; r < 3; r++) {
            System.arraycopy(m[r], 0, got, 6 + 4 * r, 4);
        }
        assertSameBits(expected, got, "random(); random(5); random((3, 4))");
    }

    @Test
    void fillAfterAnOddWordMatchesDrawByDraw() {
        // One raw word shifts the pairs by one, so some draws straddle two 624-word blocks.
        NumpyRandom a = new NumpyRandom(99);
        NumpyRandom b = new NumpyRandom(99);
        a.nextWord();
        b.nextWord();
        double[] bulk = new double[5_000];
        a.fill(bulk, 0, bulk.length);
        double[] single = new double[bulk.length];
        for (int i = 0; i < single.length; i++) {
            single[i] = b.random();
        }
        assertSameBits(single, bulk, "fill after one word");
    }

    @Test
    void seedRestartsTheStream() {
        NumpyRandom rng = new NumpyRandom(2020);
        double first = rng.random();
        rng.random(1000);
        rng.seed(2020);
        assertEquals(first, rng.random());
        assertEquals(0.9862768288615988, first);
        assertEquals(first, numpyDouble(new MersenneTwister(2020)));
    }

    @Test
    void drawsLieInTheUnitInterval() {
        for (double x : new NumpyRandom(5).random(100_000)) {
            if (!(x >= 0 && x < 1)) {
                throw new AssertionError("draw outside [0, 1): " + x);
            }
        }
    }

    @Test
    void validationMessages() {
        assertEquals(
                "seed must be in [0, 4294967295] (numpy's seed range), got -1",
                assertThrows(IllegalArgumentException.class, () -> new NumpyRandom(-1))
                        .getMessage());
        assertEquals(
                "seed must be in [0, 4294967295] (numpy's seed range), got 4294967296",
                assertThrows(IllegalArgumentException.class, () -> new NumpyRandom(4294967296L))
                        .getMessage());
        assertEquals(
                "key[1] must be in [0, 4294967295] (numpy's seed range), got -5",
                assertThrows(IllegalArgumentException.class, () -> NumpyRandom.seededByArray(1, -5))
                        .getMessage());
        assertEquals(
                "key must hold at least one value, got []",
                assertThrows(IllegalArgumentException.class, () -> NumpyRandom.seededByArray())
                        .getMessage());
        NumpyRandom rng = new NumpyRandom(1);
        assertEquals(
                "n must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> rng.random(-1))
                        .getMessage());
        assertEquals(
                "rows and cols must be >= 0, got (-1, 2)",
                assertThrows(IllegalArgumentException.class, () -> rng.random(-1, 2))
                        .getMessage());
        assertEquals(
                "out must be an array, got null",
                assertThrows(IllegalArgumentException.class, () -> rng.fill(null, 0, 0))
                        .getMessage());
        assertEquals(
                "need 0 <= from <= to <= out.length (3), got from=2, to=4",
                assertThrows(IllegalArgumentException.class, () -> rng.fill(new double[3], 2, 4))
                        .getMessage());
        IllegalArgumentException huge =
                assertThrows(IllegalArgumentException.class, () -> rng.random(Integer.MAX_VALUE, 1_000_000));
        assertEquals(
                true,
                huge.getMessage()
                        .startsWith("random(rows, cols): an N x T = 2147483647 x 1000000 matrix of doubles needs ~"),
                huge.getMessage());
        assertArrayEquals(new double[0], rng.random(0));
    }
}
