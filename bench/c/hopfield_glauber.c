/* Reference C implementation of the Glauber Monte Carlo loop of Saddle's Java kernel
 * (simulation/.../HopfieldChain.glauberSweep): classical Hopfield network, N neurons, K patterns,
 * int8 patterns site-major xi[i*K+mu], exact int overlaps M[mu], random sequential site selection,
 * field S_i = sum_mu xi_i^mu M_mu, d = sigma_i S_i - K, dE = 2d/N, flip with prob 1/(1+exp(beta dE))
 * (exp skipped when |beta dE| > 40, as in Java), on a flip M_mu -= 2 sigma_i xi_i^mu.
 * RNG: xoshiro256++ seeded by SplitMix64. Start in pattern 1; warm-up, then timed whole sweeps.
 * Usage: ./hopfield_glauber N K T seconds   -> prints attempts, seconds, pattern-site ops/s.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench_common.h"

/* the field: exact integer dot product of an int8 row with the int overlaps */
static inline int field(const int8_t *restrict row, const int *restrict m, int k) {
    int acc = 0;
    for (int mu = 0; mu < k; mu++) acc += row[mu] * m[mu];
    return acc;
}
static inline void add_scaled(const int8_t *restrict row, int *restrict m, int k, int factor) {
    for (int mu = 0; mu < k; mu++) m[mu] += factor * row[mu];
}

#ifdef LOOKAHEAD
/* optional (-DLOOKAHEAD): draw sites two attempts ahead and prefetch their rows, as the Java chain does */
static int ahead1 = -1, ahead2 = -1;
#endif

static long sweep(int n, int k, const int8_t *xi, int8_t *sigma, int *m, double beta) {
    const double c = 2.0 * beta / n;
    long accepted = 0;
    for (int t = 0; t < n; t++) {
#ifdef LOOKAHEAD
        if (ahead1 < 0) { ahead1 = (int) next_int((uint32_t) n); ahead2 = (int) next_int((uint32_t) n); }
        int i = ahead1;
        ahead1 = ahead2;
        ahead2 = (int) next_int((uint32_t) n);
        for (int j = 0; j < k; j += 64) __builtin_prefetch(xi + (size_t) ahead2 * k + j);
#else
        int i = (int) next_int((uint32_t) n);
#endif
        const int8_t *row = xi + (size_t) i * k;
        int s_i = sigma[i];
        long d = (long) s_i * field(row, m, k) - k;
        double x = c * d;
        double u = next_double();
        int flip = x > 40 ? u == 0.0 : (x < -40 || u < 1.0 / (1.0 + exp(x)));
        if (flip) { add_scaled(row, m, k, -2 * s_i); sigma[i] = (int8_t) -s_i; accepted++; }
    }
    return accepted;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 10000;
    int k = argc > 2 ? atoi(argv[2]) : 1000;
    double temperature = argc > 3 ? atof(argv[3]) : 0.1;
    double seconds = argc > 4 ? atof(argv[4]) : 5.0;
    uint64_t seed = argc > 5 ? strtoull(argv[5], 0, 10) : 1;
    s[0] = splitmix64(seed); s[1] = splitmix64(s[0]); s[2] = splitmix64(s[1]); s[3] = splitmix64(s[2]);
    int8_t *xi = malloc((size_t) n * k), *sigma = malloc(n);
    int *m = calloc(k, sizeof(int));
    for (size_t j = 0; j < (size_t) n * k; j++) xi[j] = (next() >> 63) ? 1 : -1;
    for (int i = 0; i < n; i++) sigma[i] = xi[(size_t) i * k]; /* start in pattern 1 */
    for (int i = 0; i < n; i++) add_scaled(xi + (size_t) i * k, m, k, sigma[i]);
    double beta = 1.0 / temperature;
    long accepted = 0;
    double t0 = now();
    while (now() - t0 < 0.5) accepted += sweep(n, k, xi, sigma, m, beta); /* warm-up */
    long attempts = 0;
    t0 = now();
    double c0 = cpu_now();
    double t1;
    do { accepted += sweep(n, k, xi, sigma, m, beta); attempts += n; } while ((t1 = now()) - t0 < seconds);
    double el = t1 - t0, cpu = cpu_now() - c0;
    printf("C N=%d K=%d T=%g attempts=%ld seconds=%.3f flips/s=%.4g pattern-site ops/s=%.4g cpu-seconds=%.3f"
           " pattern-site ops/cpu-s=%.4g m1=%.4f accepted=%ld\n", n, k, temperature, attempts, el, attempts / el,
           attempts * (double) k / el, cpu, attempts * (double) k / cpu, (double) m[0] / n, accepted);
    return 0;
}
