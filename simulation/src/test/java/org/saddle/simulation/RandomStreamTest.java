package org.saddle.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RandomStreamTest {

    @Test
    void xoshiroFirstOutputMatchesTheAlgorithm() {
        // xoshiro256++ (Blackman-Vigna): result = rotl(s0 + s3, 23) + s0; state (1,2,3,4) -> rotl(5, 23) + 1 = 5 * 2^23 + 1
        Xoshiro256PlusPlus r = new Xoshiro256PlusPlus(1, 2, 3, 4);
        assertEquals(5L * (1L << 23) + 1, r.nextLong());
        // second output by hand: after one step s = (7, 0, 262146, 211106232532992) (s1 ^= s2 ^ s0 etc.),
        // rotl(7 + 211106232532992, 23) + 7
        long s0 = 7;
        long s3 = 211106232532992L;
        assertEquals(Long.rotateLeft(s0 + s3, 23) + s0, r.nextLong());
    }

    @Test
    void streamsDependOnEveryIndex() {
        long base = Xoshiro256PlusPlus.forStream(1, 2, 3, 4).nextLong();
        assertEquals(base, Xoshiro256PlusPlus.forStream(1, 2, 3, 4).nextLong());
        assertNotEquals(base, Xoshiro256PlusPlus.forStream(0, 2, 3, 4).nextLong());
        assertNotEquals(base, Xoshiro256PlusPlus.forStream(1, 0, 3, 4).nextLong());
        assertNotEquals(base, Xoshiro256PlusPlus.forStream(1, 2, 0, 4).nextLong());
        assertNotEquals(base, Xoshiro256PlusPlus.forStream(1, 2, 3, 0).nextLong());
    }

    @Test
    void boundedIntsAndDoublesAreInRangeAndRoughlyUniform() {
        Xoshiro256PlusPlus r = Xoshiro256PlusPlus.forStream(9, 0, 0, 0);
        int bound = 7;
        int draws = 700_000;
        int[] counts = new int[bound];
        for (int t = 0; t < draws; t++) {
            int v = r.nextInt(bound);
            assertTrue(v >= 0 && v < bound);
            counts[v]++;
        }
        // each count ~ Binomial(700000, 1/7): mean 1e5, sd sqrt(1e5 * 6/7) = 293; allow 6 sd
        for (int c : counts) {
            assertEquals(100_000, c, 6 * 293);
        }
        double sum = 0;
        for (int t = 0; t < 100_000; t++) {
            double u = r.nextDouble();
            assertTrue(u >= 0 && u < 1);
            sum += u;
        }
        // mean of 1e5 uniforms: 0.5 +- 6 * sqrt(1/12 / 1e5) = 0.5 +- 0.0055
        assertEquals(0.5, sum / 100_000, 6 * Math.sqrt(1.0 / 12 / 100_000));
    }
}
