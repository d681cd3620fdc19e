// A researcher's script: does a longer incentive term keep people, or only move the cliff?
// Run after `npm test` or `npm start` has built the packages:
//   node --import tsx examples/scripts/term-length.ts [replications]
import { runEnsemble } from '@smart-settlement/core';
import { LIBRARY, resolveScenario, setLever } from '@smart-settlement/scenarios';

const replications = Number(process.argv[2] ?? 5);
const terms = [0, 3, 6];

// The same seed for every scenario: replication r sees the same newcomers (common random numbers).
const configs = terms.map((term) => {
  const scenario = setLever({ ...LIBRARY.dispersion, name: `term-${term}` }, `dispersion.termYears=${term}`);
  return resolveScenario(scenario).config;
});
const result = await runEnsemble([resolveScenario(LIBRARY.baseline).config, ...configs], {
  replications,
  seed: 1,
});

console.log('10-year retention in the smaller places, paired difference against the baseline (points):');
for (const row of result.paired.filter((r) => r.area === 'Smaller places' && r.measure === 'retention10')) {
  const pts = (x: number) => (100 * x).toFixed(1);
  console.log(
    `  ${row.scenario.padEnd(8)} ${pts(row.median)} (90% interval ${pts(row.lo)} to ${pts(row.hi)})`,
  );
}

console.log(
  'Departures of incentive takers by years since arrival (median share of arrivals leaving that year):',
);
for (const config of configs) {
  const byYear = new Map<number, number[]>();
  for (const run of result.runs.filter((r) => r.key.scenario === config.name)) {
    for (const row of run.retention.filter((r) => r.area === 'Incentive takers')) {
      byYear.set(row.yearsSinceArrival, [...(byYear.get(row.yearsSinceArrival) ?? []), row.departures]);
    }
  }
  const medians = [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .slice(0, 8)
    .map(([, v]) => v.sort((a, b) => a - b)[v.length >> 1].toFixed(3));
  console.log(`  ${config.name.padEnd(8)} years 1-8: ${medians.join(' ')}`);
}
