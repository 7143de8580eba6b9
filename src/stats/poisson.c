/* poisson.c - exact Poisson intervals through the incomplete gamma function:
 * P(X >= k | mu) = P(k, mu) and P(X <= k | mu) = 1 - P(k + 1, mu), each solved
 * for mu by bisection (monotone in mu). Series and continued fraction as in
 * the standard numerical recipe; good to 1e-12 far beyond any count here. */
#include "stats/poisson.h"

#include <math.h>
#include <string.h>

static double series(double a, double x)
{
  double sum = 1.0 / a, term = sum, ap = a;
  for (int n = 0; n < 10000; n++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (fabs(term) < fabs(sum) * 1e-15)
      break;
  }
  return sum * exp(-x + a * log(x) - lgamma(a));
}

/* Q(a, x) = 1 - P(a, x) by Lentz's continued fraction (x >= a + 1). */
static double cont_fraction(double a, double x)
{
  const double tiny = 1e-300;
  double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
  for (int i = 1; i < 10000; i++) {
    double an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (fabs(d) < tiny)
      d = tiny;
    c = b + an / c;
    if (fabs(c) < tiny)
      c = tiny;
    d = 1 / d;
    double del = d * c;
    h *= del;
    if (fabs(del - 1) < 1e-15)
      break;
  }
  return exp(-x + a * log(x) - lgamma(a)) * h;
}

double jv_gamma_p(double a, double x)
{
  if (x <= 0)
    return 0;
  if (x < a + 1)
    return series(a, x);
  return 1 - cont_fraction(a, x);
}

/* The mu with P(a, mu) = p (P rises with mu). */
static double solve(double a, double p)
{
  double lo = 0, hi = a + 10 + 10 * sqrt(a);
  while (jv_gamma_p(a, hi) < p)
    hi *= 2;
  for (int i = 0; i < 200 && hi - lo > 1e-12 * (1 + hi); i++) {
    double mid = (lo + hi) / 2;
    if (jv_gamma_p(a, mid) < p)
      lo = mid;
    else
      hi = mid;
  }
  return (lo + hi) / 2;
}

void jv_poisson_interval(long long k, double level, double *lo, double *hi)
{
  double alpha = 1 - level;
  if (k < 0)
    k = 0;
  /* lower: P(X >= k | mu) = alpha / 2; upper: P(X <= k | mu) = alpha / 2 */
  *lo = k == 0 ? 0 : solve((double)k, alpha / 2);
  *hi = solve((double)k + 1, 1 - alpha / 2);
}

void jv_small_numbers_default(jv_small_numbers *o)
{
  o->min_count = 5;
  o->level = 0.95;
  o->mark = JV_SMALL_DOT;
}

int jv_small_numbers_mark(jv_small_numbers *o, const char *name)
{
  static const char *const names[][2] = {{"dot", "stip"}, {"outline", "rand"}, {"off", "uit"}};
  for (int i = 0; i < 3; i++)
    if (!strcmp(name, names[i][0]) || !strcmp(name, names[i][1])) {
      o->mark = (jv_small_mark)i;
      return 0;
    }
  return -1;
}

bool jv_small_numbers_flag(const jv_small_numbers *o, const jv_buckets *b, long long count,
                           long long base, double *lo, double *hi)
{
  double l, h;
  jv_poisson_interval(count, o->level, &l, &h);
  l = l * 1000 / (double)base;
  h = h * 1000 / (double)base;
  if (lo)
    *lo = l;
  if (hi)
    *hi = h;
  if (o->mark == JV_SMALL_OFF)
    return false;
  return count < o->min_count || jv_buckets_classify_value(b, l) != jv_buckets_classify_value(b, h);
}
