package lif;

import java.util.Arrays;

/**
 * A polynomial over GF(2) (coefficients 0 or 1, addition is XOR), bit-packed: the coefficient of
 * {@code x^i} is bit {@code i % 64} of word {@code i / 64}. Immutable. Used for the MT19937 jump-ahead
 * ({@link Mt19937Jump}): the characteristic polynomial of the generator and {@code x^k} modulo it.
 */
final class Gf2Polynomial {
    private final long[] words;
    private final int degree;

    private Gf2Polynomial(long[] words) {
        int d = -1;
        for (int w = words.length - 1; w >= 0; w--) {
            if (words[w] != 0) {
                d = w * 64 + 63 - Long.numberOfLeadingZeros(words[w]);
                break;
            }
        }
        this.degree = d;
        this.words = Arrays.copyOf(words, Math.max(1, (d >>> 6) + 1));
    }

    /** Degree; -1 for the zero polynomial. */
    int degree() {
        return degree;
    }

    /** Coefficient of {@code x^i} (0 or 1); 0 for i above the degree. */
    int coefficient(int i) {
        if (i < 0) {
            throw new IllegalArgumentException("i (a power of x) must be >= 0, got " + i);
        }
        int w = i >>> 6;
        return w < words.length ? (int) (words[w] >>> (i & 63)) & 1 : 0;
    }

    /** The polynomial with these powers of x set, e.g. {@code of(3, 0)} is {@code x^3 + 1}. */
    static Gf2Polynomial of(int... powers) {
        int max = 0;
        for (int e : powers) {
            if (e < 0) {
                throw new IllegalArgumentException("powers of x must be >= 0, got " + e);
            }
            max = Math.max(max, e);
        }
        long[] w = new long[(max >>> 6) + 1];
        for (int e : powers) {
            w[e >>> 6] ^= 1L << (e & 63);
        }
        return new Gf2Polynomial(w);
    }

    /**
     * The characteristic polynomial {@code P(x) = sum p_i x^i} of the shortest linear recurrence
     * {@code sum_i p_i s_{j+i} = 0} (all j) that the bit sequence {@code s_0 .. s_{length-1}} obeys: the
     * Berlekamp-Massey algorithm. Exact when the recurrence has degree at most {@code length / 2}.
     *
     * @param bits   the sequence, bit j of the array is {@code s_j} (same packing as the polynomials)
     * @param length number of bits used, {@code 1 <= length <= 64 * bits.length}
     */
    static Gf2Polynomial minimalPolynomial(long[] bits, int length) {
        if (bits == null || length < 1 || length > 64L * bits.length) {
            throw new IllegalArgumentException("length must be in [1, " + (bits == null ? 0 : 64L * bits.length)
                    + "] (the bits given), got " + length);
        }
        // rev bit q = s_{length-1-q}: for step n the window s_n, s_{n-1}, ... is contiguous from bit length-1-n.
        int nw = (length >>> 6) + 2;
        long[] rev = new long[2 * nw + 2];
        for (int j = 0; j < length; j++) {
            if ((bits[j >>> 6] >>> (j & 63) & 1) != 0) {
                int q = length - 1 - j;
                rev[q >>> 6] |= 1L << (q & 63);
            }
        }
        long[] c = new long[nw]; // connection polynomial C(x) = 1 + c_1 x + ... + c_L x^L
        long[] b = new long[nw];
        c[0] = 1;
        b[0] = 1;
        int l = 0;
        int m = 1;
        for (int n = 0; n < length; n++) {
            int off = length - 1 - n;
            long acc = 0;
            for (int w = 0, last = l >>> 6; w <= last; w++) {
                acc ^= c[w] & bitsAt(rev, off + 64 * w);
            }
            if ((Long.bitCount(acc) & 1) == 0) {
                m++;
            } else if (2 * l <= n) {
                long[] t = c.clone();
                xorShifted(c, b, m);
                l = n + 1 - l;
                b = t;
                m = 1;
            } else {
                xorShifted(c, b, m);
                m++;
            }
        }
        // P(x) = x^L C(1/x): p_{L-i} = c_i
        long[] p = new long[(l >>> 6) + 1];
        for (int i = 0; i <= l; i++) {
            if ((c[i >>> 6] >>> (i & 63) & 1) != 0) {
                int e = l - i;
                p[e >>> 6] |= 1L << (e & 63);
            }
        }
        return new Gf2Polynomial(p);
    }

    /**
     * {@code x^k mod this}, by square-and-multiply: one squaring (a bit spread, then a reduction) per bit
     * of k, and a multiplication by x per set bit. Fast when this polynomial is sparse (see Reducer).
     *
     * @param k any power >= 0
     * @throws IllegalArgumentException if k < 0 or this polynomial has degree < 1
     */
    Gf2Polynomial xPowerMod(long k) {
        if (k < 0) {
            throw new IllegalArgumentException("k (a power of x) must be >= 0, got " + k);
        }
        if (degree < 1) {
            throw new IllegalArgumentException("the modulus must have degree >= 1, got degree " + degree);
        }
        Reducer mod = new Reducer(this);
        long[] r = new long[2 * ((degree >>> 6) + 1) + 1];
        r[0] = 1;
        for (int bit = 63 - Long.numberOfLeadingZeros(k); bit >= 0; bit--) {
            r = mod.square(r);
            if ((k >>> bit & 1) != 0) {
                mod.timesX(r);
            }
        }
        return new Gf2Polynomial(r);
    }

    /**
     * Remainder arithmetic modulo a fixed polynomial P of degree d, fast for a sparse P (MT19937's has 135
     * terms). Powers at and above d are cleared a group of w bits at a time, from the top: a group H at
     * power d + j is replaced by {@code H * (P - x^d) * x^j}, i.e. one XOR of H per lower term of P. With
     * {@code w = min(64, d - e)}, e the second-highest power of P, those XORs all land below the group, so
     * one pass from the top clears everything. About 312 groups x 134 terms per squaring for MT19937.
     */
    private static final class Reducer {
        private final int d;
        private final int[] lowerPowers;
        private final int width;
        private final long mask;

        Reducer(Gf2Polynomial p) {
            d = p.degree;
            int count = 0;
            for (int i = 0; i < d; i++) {
                count += p.coefficient(i);
            }
            lowerPowers = new int[count];
            int k = 0;
            for (int i = d - 1; i >= 0; i--) {
                if (p.coefficient(i) == 1) {
                    lowerPowers[k++] = i;
                }
            }
            width = count == 0 ? 64 : Math.min(64, d - lowerPowers[0]);
            mask = width == 64 ? -1L : (1L << width) - 1;
        }

        /** r^2 mod P for r of degree < d (r is the working array, twice the modulus' size). */
        long[] square(long[] r) {
            long[] out = new long[r.length];
            int half = out.length / 2;
            for (int w = 0; w < half; w++) {
                out[2 * w] = spread((int) r[w]);
                out[2 * w + 1] = spread((int) (r[w] >>> 32));
            }
            reduce(out, 2 * d - 2);
            return out;
        }

        /** r = r * x mod P, in place, for r of degree < d. */
        void timesX(long[] r) {
            for (int w = r.length - 1; w > 0; w--) {
                r[w] = (r[w] << 1) | (r[w - 1] >>> 63);
            }
            r[0] <<= 1;
            reduce(r, d);
        }

        /** Clears every power from {@code top} down to d, leaving r mod P. */
        private void reduce(long[] r, int top) {
            if (top < d) {
                return;
            }
            for (int pos = d + (top - d) / width * width; pos >= d; pos -= width) {
                long h = bitsAt(r, pos) & mask;
                if (h == 0) {
                    continue;
                }
                xorBits(r, pos, h); // clears the group
                int shift = pos - d;
                for (int e : lowerPowers) {
                    xorBits(r, shift + e, h);
                }
            }
        }

        /** r += h * x^pos, h holding at most 64 bits. */
        private static void xorBits(long[] r, int pos, long h) {
            int q = pos >>> 6;
            int s = pos & 63;
            r[q] ^= h << s;
            if (s != 0 && q + 1 < r.length) {
                r[q + 1] ^= h >>> (64 - s);
            }
        }

        /** The 32 bits of v spread to the even bits of a long: the square of a polynomial over GF(2). */
        private static long spread(int v) {
            long x = v & 0xffffffffL;
            x = (x | (x << 16)) & 0x0000ffff0000ffffL;
            x = (x | (x << 8)) & 0x00ff00ff00ff00ffL;
            x = (x | (x << 4)) & 0x0f0f0f0f0f0f0f0fL;
            x = (x | (x << 2)) & 0x3333333333333333L;
            x = (x | (x << 1)) & 0x5555555555555555L;
            return x;
        }
    }

    /** 64 bits of a from bit position pos on (zeros past the end). */
    private static long bitsAt(long[] a, int pos) {
        int q = pos >>> 6;
        int r = pos & 63;
        long lo = q < a.length ? a[q] >>> r : 0;
        long hi = r != 0 && q + 1 < a.length ? a[q + 1] << (64 - r) : 0;
        return lo | hi;
    }

    /** c += b * x^m, truncated to c's length. */
    private static void xorShifted(long[] c, long[] b, int m) {
        int q = m >>> 6;
        int r = m & 63;
        for (int w = 0; w + q < c.length && w < b.length; w++) {
            c[w + q] ^= b[w] << r;
            if (r != 0 && w + q + 1 < c.length) {
                c[w + q + 1] ^= b[w] >>> (64 - r);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Gf2Polynomial other && Arrays.equals(words, other.words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        if (degree > 64) {
            return "Gf2Polynomial[degree " + degree + "]";
        }
        StringBuilder s = new StringBuilder();
        for (int i = degree; i >= 0; i--) {
            if (coefficient(i) == 1) {
                s.append(s.length() == 0 ? "" : " + ").append(i == 0 ? "1" : i == 1 ? "x" : "x^" + i);
            }
        }
        return s.length() == 0 ? "0" : s.toString();
    }
}
