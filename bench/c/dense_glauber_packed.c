/* Reference C implementation of the bit-packed dense P-body Glauber loop of Saddle's Java DenseChain (exact path,
 * simulation/.../dense/DenseChain.sweep with Dynamics.GLAUBER), Gardner normalization, same work per attempt and per
 * flip as the Java chain, written as straightforward loops for gcc -O3 -march=native:
 *  - patterns bit-packed in the layout of PackedPatterns.java: per row, blocks of 256 patterns, 16 uint16 words per
 *    block, bit b of word l <=> pattern 256c + 16b + l is +1 (16 KiB per row at K = 131072);
 *  - attempt at site i: odd field sum_mu xi_i^mu o_mu = 2 (sum_{bit set} u_mu - 16384 ones_i) - shortSum + big terms,
 *    u_mu = o_mu + 16384 (a uint16) for |o_mu| <= 16383, 16384 for the few big o_mu kept in a side list (exact, int
 *    arithmetic modulo 2^32 with a true value that fits an int);
 *  - flip: x_mu -= 2 sigma_i xi_i^mu from the bit row; u_mu from a table of x; sum 2E, sum |o| and shortSum from a
 *    histogram of x (exact integer sums).
 * The int8 counterpart is dense_glauber.c. Usage: ./dense_glauber_packed P N K T seconds [seed]
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_common.h"

#define BIAS 16384
#define MAX_BIG 256
static int n, k, pad, blocks, stride;
static uint16_t *bits, *u;
static int8_t *sigma;
static int *x, *ones, *odd_tab, *hist;
static uint16_t *biased_tab;
static long *even_tab;
static int big_index[MAX_BIG], big_value[MAX_BIG], big_count, short_sum;
static long bound;
static double even_sum, prefactor;

static inline int sign_of(const uint16_t *row, int mu) { return (((row[16 * (mu >> 8) + (mu & 15)] >> ((mu >> 4) & 15)) & 1) << 1) - 1; }

static inline int masked_sum(const uint16_t *restrict row, const uint16_t *restrict uu) {
    int acc = 0;                        /* modulo 2^32, as the Java kernel */
    for (int c = 0; c < blocks; c++)
        for (int b = 0; b < 16; b++)
            for (int l = 0; l < 16; l++)
                acc += uu[256 * c + 16 * b + l] & -((row[16 * c + l] >> b) & 1);
    return acc;
}

static long odd_field(int i) {
    const uint16_t *row = bits + (size_t) i * stride;
    if (bound <= 2147483647L && big_count <= MAX_BIG) {
        int f = 2 * (masked_sum(row, u) - BIAS * ones[i]) - short_sum;
        for (int j = 0; j < big_count; j++) f += sign_of(row, big_index[j]) * big_value[j];
        return f;
    }
    long f = 0;                         /* rare exact fallback */
    for (int mu = 0; mu < k; mu++) f += (long) sign_of(row, mu) * odd_tab[x[mu] + pad];
    return f;
}

static void refresh(void) {
    int big = 0;
    for (int mu = 0; mu < k; mu++) {
        int at = x[mu] + pad;
        uint16_t b = biased_tab[at];
        u[mu] = b;
        hist[at]++;
        if (b == BIAS && odd_tab[at] != 0) {
            if (big < MAX_BIG) { big_index[big] = mu; big_value[big] = odd_tab[at]; }
            big++;
        }
    }
    long even = 0, bnd = 0, small = 0;
    for (int at = 2; at <= 2 * n + 2; at++) {
        long c = hist[at];
        if (c) {
            hist[at] = 0;
            even += c * even_tab[at];
            bnd += c * labs(odd_tab[at]);
            small += c * ((int) biased_tab[at] - BIAS);
        }
    }
    even_sum = (double) even; bound = bnd; big_count = big; short_sum = (int) small;
}

static void flip(int i) {
    const uint16_t *row = bits + (size_t) i * stride;
    int f = -2 * sigma[i];
    for (int mu = 0; mu < k; mu++) x[mu] += f * sign_of(row, mu);
    sigma[i] = (int8_t) -sigma[i];
    refresh();
}

static long sweep(double beta) {
    long accepted = 0;
    for (int t = 0; t < n; t++) {
        int i = (int) next_int((uint32_t) n);
        double twice = even_sum + sigma[i] * (double) odd_field(i);
        double de = -0.5 * prefactor * twice;
        double xx = beta * de;
        double r = next_double();
        int fl = xx > 40 ? r == 0.0 : (xx < -40 || r < 1.0 / (1.0 + exp(xx)));
        if (fl) { flip(i); accepted++; }
    }
    return accepted;
}

int main(int argc, char **argv) {
    int p = argc > 1 ? atoi(argv[1]) : 3;
    n = argc > 2 ? atoi(argv[2]) : 512;
    k = argc > 3 ? atoi(argv[3]) : 131072;
    double temperature = argc > 4 ? atof(argv[4]) : 0.1;
    double seconds = argc > 5 ? atof(argv[5]) : 5.0;
    uint64_t seed = argc > 6 ? strtoull(argv[6], 0, 10) : 1;
    s[0] = splitmix64(seed); s[1] = splitmix64(s[0]); s[2] = splitmix64(s[1]); s[3] = splitmix64(s[2]);
    pad = n + 2;
    blocks = (k + 255) / 256; stride = 16 * blocks;
    int size = 2 * pad + 1;
    bits = calloc((size_t) n * stride, sizeof(uint16_t)); u = calloc((size_t) 256 * blocks, sizeof(uint16_t));
    sigma = malloc(n); x = calloc(k, sizeof(int)); ones = calloc(n, sizeof(int));
    odd_tab = calloc(size, sizeof(int)); hist = calloc(size, sizeof(int));
    biased_tab = calloc(size, sizeof(uint16_t)); even_tab = calloc(size, sizeof(long));
    double *tab = malloc(sizeof(double) * size);
    for (int v = -n - 2; v <= n + 2; v++) tab[v + pad] = e_p(p, n, v);
    for (int v = -n; v <= n; v++) {
        double dp = tab[v - 2 + pad] - tab[v + pad], dm = tab[v + 2 + pad] - tab[v + pad];
        if (fabs(dp - dm) > 1073741823.0) { fprintf(stderr, "2O does not fit the exact int path\n"); return 2; }
        even_tab[v + pad] = (long) (dp + dm);
        odd_tab[v + pad] = (int) (dp - dm);
        biased_tab[v + pad] = (uint16_t) (abs(odd_tab[v + pad]) <= 16383 ? odd_tab[v + pad] + BIAS : BIAS);
    }
    prefactor = 1.0 / pow(n, p - 1);
    /* same pattern and spin draws as dense_glauber.c: row-major +-1, then packed */
    for (int i = 0; i < n; i++) {
        uint16_t *row = bits + (size_t) i * stride;
        for (int mu = 0; mu < k; mu++) {
            if (next() >> 63) { row[16 * (mu >> 8) + (mu & 15)] |= (uint16_t) (1u << ((mu >> 4) & 15)); ones[i]++; }
        }
    }
    for (int i = 0; i < n; i++) sigma[i] = (int8_t) sign_of(bits + (size_t) i * stride, 0);  /* start in pattern 1 */
    for (int i = 0; i < n; i++) for (int mu = 0; mu < k; mu++) x[mu] += sigma[i] * sign_of(bits + (size_t) i * stride, mu);
    refresh();
    double beta = 1.0 / temperature;
    long accepted = 0;
    double t0 = now();
    while (now() - t0 < 0.5) accepted += sweep(beta);
    long attempts = 0, acc2 = 0;
    t0 = now();
    double c0 = cpu_now(), t1;
    do { acc2 += sweep(beta); attempts += n; } while ((t1 = now()) - t0 < seconds);
    double el = t1 - t0, cpu = cpu_now() - c0;
    printf("C-packed P=%d N=%d K=%d T=%g attempts=%ld seconds=%.3f flips/s=%.4g pattern-site ops/s=%.4g cpu-seconds=%.3f"
           " pattern-site ops/cpu-s=%.4g m1=%.4f acceptance=%.4f\n", p, n, k, temperature, attempts, el, attempts / el,
           attempts * (double) k / el, cpu, attempts * (double) k / cpu, (double) x[0] / n, (double) acc2 / attempts);
    return 0;
}
