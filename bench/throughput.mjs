// One throughput measurement, run in its own process so that peak memory is this run's alone.
// Usage: node bench/throughput.mjs <size> [seed] [warm-ups]   prints one JSON object.
// Warm-ups run the same model first, so the timed run is compiled code (V8's optimising
// compiler needs a few hundred thousand person-years before it kicks in; a 10,000-person run
// is over before that). Peak memory is then that of the warm-up and the timed run together.
import { Model } from '../packages/core/dist/index.js';
import { BYTES_PER_PERSON } from '../packages/core/dist/internals.js';
import { sizedBaseline } from './sizes.mjs';

const size = process.argv[2] ?? 'small';
const seed = Number(process.argv[3] ?? 1);
const warmUps = Number(process.argv[4] ?? 0);
const { config } = sizedBaseline(size);
for (let k = 0; k < warmUps; k++) new Model(config, { seed: seed + 1 + k, replication: 0 }).run();
const rssBefore = process.memoryUsage().rss;
const model = new Model(config, { seed, replication: 0 });
const yearSeconds = [];
let agentYears = 0;
let peakPresent = 0;
const cpuStarted = process.cpuUsage();
const started = process.hrtime.bigint();
while (model.year < config.years) {
  const t = process.hrtime.bigint();
  model.step();
  yearSeconds.push(Number(process.hrtime.bigint() - t) / 1e9);
  // Person-years: everyone present at the end of each simulated year.
  const present = model.world.people.count;
  agentYears += present;
  peakPresent = Math.max(peakPresent, present);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
// CPU time of the process over the loop (all its threads, the garbage collector's included):
// less disturbed than wall-clock time when other processes share the cores.
const cpu = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const memory = process.memoryUsage();
const peakRss = process.resourceUsage().maxRSS * 1024;
const people = model.world.people;
console.log(
  JSON.stringify({
    impl: `core-${size}${warmUps ? '-warm' : ''}`,
    agentYears,
    seconds,
    agentYearsPerSec: agentYears / seconds,
    finalPopulation: people.count,
    cpuSeconds,
    agentYearsPerCpuSec: agentYears / cpuSeconds,
    size,
    warmUps,
    years: config.years,
    perYear: config.intake.perYear,
    peakPresent,
    secondsPerYear: seconds / config.years,
    lastYearSeconds: yearSeconds[yearSeconds.length - 1],
    bytesPerPersonColumns: BYTES_PER_PERSON,
    columnBytesPerPerson: people.bytes() / peakPresent,
    peakRssBytesPerPerson: (peakRss - rssBefore) / peakPresent,
    peakRssBytes: peakRss,
    heapUsedBytes: memory.heapUsed,
    arrayBufferBytes: memory.arrayBuffers,
  }),
);
