// Developer tool: searches the calibrated parameters so that the baseline reproduces the
// retention targets the model can represent (docs/CALIBRATION.md says which, and how weighted).
// Run from packages/cli (so the workspace packages resolve):
//   cp ../../scripts/fit-defaults.mts fit.mts && node --import tsx --conditions source fit.mts 60
// The values found are then rounded and written into DEFAULT_PARAMS by hand.
import { DEFAULT_PARAMS, runEnsemble } from '@smart-settlement/core';
import { LIBRARY, RETENTION_TARGETS, resolveScenario } from '@smart-settlement/scenarios';

const names = [
  'moveConstant',
  'utilNetwork',
  'exitConstant',
  'utilSize',
  'moverShare',
  'moverGap',
  'sponsorAnchor',
] as const;
/** First steps of the simplex, one per parameter. */
const steps = [0.5, 0.2, 0.5, 0.05, 0.01, 1, 0.5];
/** Hard limits of the search (outside them a value means nothing). */
const limits: Record<string, [number, number]> = {
  utilNetwork: [0, 2],
  utilSize: [0, 0.5],
  moverShare: [0, 0.3],
  moverGap: [0, 12],
  sponsorAnchor: [0, 5],
};
const clampTo = (n: string, v: number) => (limits[n] ? Math.min(limits[n][1], Math.max(limits[n][0], v)) : v);

/** Fitted targets and their weights: the province (IMDB) and Toronto firmer than the small centres. */
const weights: Record<string, number> = {
  'on-5y-2016': 3,
  'on-1y-2021': 3,
  'toronto-5y-2014': 10,
  'sault-ste-marie-5y-0711': 1,
  'chatham-kent-5y-0711': 1,
  'greater-sudbury-5y-0711': 1,
  'pnp-on-1y-2019': 1,
};
const targets = RETENTION_TARGETS.filter((t) => t.id in weights);
/** Economic-class over family-class 5-year departure from the province, Canada 2016 admissions: (100 - 77.9) / (100 - 91.7). */
const CLASS_GAP = (100 - 77.9) / (100 - 91.7);

function loss(x: number[], print = false): number {
  const params = Object.fromEntries(names.map((n, i) => [n, clampTo(n, x[i])]));
  const { config } = resolveScenario({ ...LIBRARY.baseline, years: 20, agentScale: 20, params });
  const res = runEnsemble([config], { replications: 3, seed: 99 });
  const median = (area: string, k: number) =>
    res.summary.find((s) => s.area === area && s.measure === `retention${k}`)!.median;
  let sum = 0;
  for (const t of targets) {
    const err = (median(t.area, t.yearsSinceArrival) - t.valuePct / 100) * 100;
    if (print)
      console.log(
        `  ${t.id}: target ${t.valuePct} model ${(median(t.area, t.yearsSinceArrival) * 100).toFixed(1)}`,
      );
    sum += weights[t.id] * err * err;
  }
  // The class gap as a ratio; 0.25 of ratio off weighs like 1 point off a small centre.
  const gap = (1 - median('Economic class', 5)) / (1 - median('Family class', 5));
  if (print) console.log(`  class gap: target ${CLASS_GAP.toFixed(2)} model ${gap.toFixed(2)}`);
  sum += ((gap - CLASS_GAP) / 0.25) ** 2;
  return sum;
}

// Nelder-Mead from the current defaults.
let simplex = [names.map((n) => DEFAULT_PARAMS[n] as number)];
for (let i = 0; i < names.length; i++) {
  const p = simplex[0].slice();
  p[i] += steps[i];
  simplex.push(p);
}
let values = simplex.map((p) => loss(p));
for (let iter = 0; iter < Number(process.argv[2] ?? 40); iter++) {
  const order = values.map((_v, i) => i).sort((a, b) => values[a] - values[b]);
  simplex = order.map((i) => simplex[i]);
  values = order.map((i) => values[i]);
  console.log(iter, values[0].toFixed(2), simplex[0].map((v) => v.toFixed(3)).join(' '));
  const n = names.length;
  const centroid = simplex.slice(0, n).reduce((a, p) => a.map((v, i) => v + p[i] / n), new Array(n).fill(0));
  const worst = simplex[n];
  const at = (t: number) => centroid.map((c, i) => c + t * (worst[i] - c));
  const r = at(-1);
  const fr = loss(r);
  if (fr < values[0]) {
    const e = at(-2);
    const fe = loss(e);
    [simplex[n], values[n]] = fe < fr ? [e, fe] : [r, fr];
  } else if (fr < values[n - 1]) {
    [simplex[n], values[n]] = [r, fr];
  } else {
    const c = at(0.5);
    const fc = loss(c);
    if (fc < values[n]) [simplex[n], values[n]] = [c, fc];
    else {
      for (let k = 1; k <= n; k++) {
        simplex[k] = simplex[k].map((v, i) => simplex[0][i] + 0.5 * (v - simplex[0][i]));
        values[k] = loss(simplex[k]);
      }
    }
  }
}
console.log(names.join(' '));
console.log(simplex[0].map((v, i) => clampTo(names[i], v).toFixed(3)).join(' '));
loss(simplex[0], true);
