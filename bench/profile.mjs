// The yearly loop of core's step() with a clock around each submodel, to show where a year's
// time goes. It calls the same functions in the same order as schedule.ts, and checks that it
// ends with the same people as the plain loop.
// Usage: node bench/profile.mjs <size>   prints one JSON object.
import { Model, PlaceObserver, RetentionObserver, SCHEDULE } from '../packages/core/dist/index.js';
import {
  arrivals,
  createWorld,
  equity,
  labour,
  learning,
  openInitialVacancies,
  placesRespond,
  policiesAct,
  refreshYearTables,
  relocation,
  resetTallies,
  ties,
} from '../packages/core/dist/internals.js';
import { sizedBaseline } from './sizes.mjs';

const size = process.argv[2] ?? 'medium';
const { config } = sizedBaseline(size);
const seed = 1;
const world = createWorld(config, seed, 0);
openInitialVacancies(world);
const key = { scenario: config.name, replication: 0, seed };
const observers = [new RetentionObserver(key, config.years), new PlaceObserver(key)];

// The steps of schedule.ts, named as in SCHEDULE (tallies and year tables go with the step they precede).
const steps = [
  [
    'policies-act',
    (w) => {
      resetTallies(w.tallies);
      policiesAct(w);
      refreshYearTables(w);
    },
  ],
  ['arrivals', arrivals],
  ['labour', labour],
  ['ties', ties],
  ['learning', learning],
  ['equity', equity],
  ['relocation', relocation],
  ['places-respond', placesRespond],
  [
    'observation',
    (w) => {
      for (const o of observers) o.observe(w);
    },
  ],
];
if (steps.map((s) => s[0]).join() !== SCHEDULE.join())
  throw new Error(`bench/profile: SCHEDULE changed (${SCHEDULE.join()}); update the instrumented loop`);

// Wall-clock and CPU time (the process's, in microseconds) of each step.
const seconds = Object.fromEntries(steps.map(([name]) => [name, 0]));
const cpuSeconds = Object.fromEntries(steps.map(([name]) => [name, 0]));
let agentYears = 0;
const started = process.hrtime.bigint();
while (world.year < config.years) {
  for (const [name, run] of steps) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    run(world);
    seconds[name] += Number(process.hrtime.bigint() - t) / 1e9;
    const used = process.cpuUsage(c);
    cpuSeconds[name] += (used.user + used.system) / 1e6;
  }
  world.year += 1;
  agentYears += world.people.count;
}
const total = Number(process.hrtime.bigint() - started) / 1e9;
const plain = new Model(config, { seed, replication: 0 }).run();
if (plain.world.people.count !== world.people.count)
  throw new Error('bench/profile: the instrumented loop diverged from step()');
const sum = Object.values(seconds).reduce((a, b) => a + b, 0);
const cpuSum = Object.values(cpuSeconds).reduce((a, b) => a + b, 0);
console.log(
  JSON.stringify({
    impl: `profile-${size}`,
    agentYears,
    seconds: total,
    agentYearsPerSec: agentYears / total,
    finalPopulation: world.people.count,
    cpuSeconds: cpuSum,
    agentYearsPerCpuSec: agentYears / cpuSum,
    submodels: steps.map(([name]) => ({
      name,
      seconds: seconds[name],
      share: seconds[name] / sum,
      nsPerPersonYear: (seconds[name] / agentYears) * 1e9,
      cpuSeconds: cpuSeconds[name],
      cpuShare: cpuSeconds[name] / cpuSum,
      cpuNsPerPersonYear: (cpuSeconds[name] / agentYears) * 1e9,
    })),
  }),
);
