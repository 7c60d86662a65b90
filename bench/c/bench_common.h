/* Shared by the C benchmark references: xoshiro256++ seeded by SplitMix64 (the generator of Saddle's
 * Xoshiro256PlusPlus), Lemire's unbiased bounded int, wall and thread-CPU clocks, and e_P of the Gardner energy. */
#ifndef SADDLE_BENCH_COMMON_H
#define SADDLE_BENCH_COMMON_H
#include <math.h>
#include <stdint.h>
#include <time.h>

static uint64_t s[4];
static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
static inline uint64_t next(void) {
    const uint64_t result = rotl(s[0] + s[3], 23) + s[0];
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45);
    return result;
}
static inline uint64_t splitmix64(uint64_t z) {
    z += 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static inline double next_double(void) { return (next() >> 11) * 0x1.0p-53; }
static inline uint32_t next_int(uint32_t bound) { /* Lemire, unbiased */
    uint64_t m = (next() >> 32) * (uint64_t) bound;
    uint32_t low = (uint32_t) m;
    if (low < bound) {
        uint32_t threshold = (uint32_t) (-bound) % bound;
        while (low < threshold) { m = (next() >> 32) * (uint64_t) bound; low = (uint32_t) m; }
    }
    return (uint32_t) (m >> 32);
}
static inline double cpu_now(void) { struct timespec ts; clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts); return ts.tv_sec + 1e-9 * ts.tv_nsec; }
static inline double now(void) { struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts); return ts.tv_sec + 1e-9 * ts.tv_nsec; }

/* e_P(x) of N numbers +-1 summing to x, by Newton's identities with power sums p_j = x (j odd), N (j even) */
static inline double e_p(int p, int n, double x) {
    double e[16] = {1};
    for (int k = 1; k <= p; k++) {
        double acc = 0;
        for (int j = 1; j <= k; j++) acc += ((j & 1) ? 1 : -1) * e[k - j] * ((j & 1) ? x : n);
        e[k] = acc / k;
    }
    return rint(e[p]);
}
#endif
