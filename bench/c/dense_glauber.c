/* Reference C implementation of the dense P-body Glauber loop of Saddle's Java DenseChain
 * (simulation/.../dense/DenseChain.sweep with Dynamics.GLAUBER), Gardner normalization:
 * E = -(1/N^(P-1)) sum_mu e_P(x_mu), x_mu = sum_i xi_i^mu sigma_i, e_P the elementary symmetric polynomial of
 * N numbers +-1 summing to x. int8 site-major patterns xi[i*K+mu], exact int overlaps x[mu].
 * Per attempt (random site i): dE = -(c/2) [ sum_mu 2E(x_mu) + sigma_i sum_mu xi_i^mu o_mu ], with tables
 * 2E(x) = F(x-2)+F(x+2)-2F(x), 2O(x) = F(x-2)-F(x+2) and the stored o_mu = 2O(x_mu) (int) and sum 2E (double);
 * Glauber acceptance 1/(1+exp(beta dE)) (exp skipped when |beta dE| > 40). On a flip: x_mu -= 2 sigma_i xi_i^mu,
 * o_mu and sum 2E refreshed from the tables. Same work per attempt and per flip as the Java chain.
 * Usage: ./dense_glauber P N K T seconds [seed]
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench_common.h"

static int n, k, pad;
static int8_t *xi, *sigma;
static int *x, *odd;
static double *tab_even, *tab_odd, even_sum, prefactor;

static inline long odd_field(const int8_t *restrict row, const int *restrict o, int kk) {
    int acc = 0;                        /* exact: |sum| <= sum |o| < 2^31 for the benchmark sizes (checked) */
    for (int mu = 0; mu < kk; mu++) acc += row[mu] * o[mu];
    return acc;
}

static void flip(int i) {
    const int8_t *row = xi + (size_t) i * k;
    int si = sigma[i];
    double even = 0;
    for (int mu = 0; mu < k; mu++) {
        int v = x[mu] - 2 * si * row[mu];
        x[mu] = v;
        even += tab_even[v + pad];
        odd[mu] = (int) tab_odd[v + pad];
    }
    even_sum = even;
    sigma[i] = (int8_t) -si;
}

static long sweep(double beta) {
    long accepted = 0;
    for (int t = 0; t < n; t++) {
        int i = (int) next_int((uint32_t) n);
        const int8_t *row = xi + (size_t) i * k;
        double twice = even_sum + sigma[i] * (double) odd_field(row, odd, k);
        double de = -0.5 * prefactor * twice;
        double xx = beta * de;
        double u = next_double();
        int f = xx > 40 ? u == 0.0 : (xx < -40 || u < 1.0 / (1.0 + exp(xx)));
        if (f) { flip(i); accepted++; }
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
    xi = malloc((size_t) n * k); sigma = malloc(n);
    x = calloc(k, sizeof(int)); odd = calloc(k, sizeof(int));
    double *tab = malloc(sizeof(double) * (2 * pad + 1));
    tab_even = calloc(2 * pad + 1, sizeof(double)); tab_odd = calloc(2 * pad + 1, sizeof(double));
    for (int v = -n - 2; v <= n + 2; v++) tab[v + pad] = e_p(p, n, v);
    double maxodd = 0;
    for (int v = -n; v <= n; v++) {
        double dp = tab[v - 2 + pad] - tab[v + pad], dm = tab[v + 2 + pad] - tab[v + pad];
        tab_even[v + pad] = dp + dm; tab_odd[v + pad] = dp - dm;
        if (fabs(dp - dm) > maxodd) maxodd = fabs(dp - dm);
    }
    if (maxodd * (double) k > 2147483647.0) fprintf(stderr, "note: int sum may exceed 2^31 in the worst case (max |o| %g)\n", maxodd);
    prefactor = 1.0 / pow(n, p - 1);
    for (size_t j = 0; j < (size_t) n * k; j++) xi[j] = (next() >> 63) ? 1 : -1;
    for (int i = 0; i < n; i++) sigma[i] = xi[(size_t) i * k];  /* start in pattern 1 */
    for (int i = 0; i < n; i++) for (int mu = 0; mu < k; mu++) x[mu] += sigma[i] * xi[(size_t) i * k + mu];
    even_sum = 0;
    for (int mu = 0; mu < k; mu++) { even_sum += tab_even[x[mu] + pad]; odd[mu] = (int) tab_odd[x[mu] + pad]; }
    double beta = 1.0 / temperature;
    long accepted = 0;
    double t0 = now();
    while (now() - t0 < 0.5) accepted += sweep(beta);
    long attempts = 0, acc2 = 0;
    t0 = now();
    double c0 = cpu_now(), t1;
    do { acc2 += sweep(beta); attempts += n; } while ((t1 = now()) - t0 < seconds);
    double el = t1 - t0, cpu = cpu_now() - c0;
    printf("C P=%d N=%d K=%d T=%g attempts=%ld seconds=%.3f flips/s=%.4g pattern-site ops/s=%.4g cpu-seconds=%.3f"
           " pattern-site ops/cpu-s=%.4g m1=%.4f acceptance=%.4f\n", p, n, k, temperature, attempts, el, attempts / el,
           attempts * (double) k / el, cpu, attempts * (double) k / cpu, (double) x[0] / n, (double) acc2 / attempts);
    return 0;
}
