// `pnpm bench` / `npm run bench`: the performance figures of the full default model.
//
//   node bench/run.mjs [--json] [--sizes small,medium,large] [--parts throughput,profile,scaling]
//                      [--repeat N] [--replications N] [--write-docs [FILE]]
//
// Each measurement runs in its own Node process (so peak memory is that run's alone) from the
// compiled packages (packages/*/dist; `npm run build` first, which `pnpm bench` does).
// --json prints one JSON line per measurement: {"impl", "agentYears", "seconds",
// "agentYearsPerSec", "finalPopulation", ...}, where seconds is the simulation loop alone.
// --write-docs regenerates docs/PERFORMANCE.md from the figures of this run.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performanceDoc } from './doc.mjs';
import { machine } from './machine.mjs';
import { SIZES } from './sizes.mjs';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const options = parseOptions(process.argv.slice(2));
const log = options.json ? () => {} : (line) => console.log(line);

/** Runs a bench script in a fresh process and returns the JSON objects it prints. */
function child(script, args) {
  const out = execFileSync(process.execPath, [here(script), ...args.map(String)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
}

function emit(measurement) {
  if (options.json) console.log(JSON.stringify(measurement));
}

const loadBefore = loadavg();
const started = Date.now();
log(`Smart Settlement benchmark: ${machine().cpu}, ${machine().cores} cores, Node ${process.versions.node}`);
log(`load average before: ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`);

const throughput = [];
if (options.parts.includes('throughput')) {
  // A small run is over before V8's optimising compiler kicks in: it is timed cold (one run in a
  // fresh process, what a user sees) and warm (after 5 runs of the same model).
  const variants = options.sizes.flatMap((size) =>
    size === 'small'
      ? [
          { size, warmUps: 0 },
          { size, warmUps: 5 },
        ]
      : [{ size, warmUps: 0 }],
  );
  for (const { size, warmUps } of variants) {
    // Best of N: other processes on the machine only ever slow a run down.
    const repeat = size === 'large' ? 1 : options.repeat;
    const tries = [];
    for (let k = 0; k < repeat; k++) tries.push(child('throughput.mjs', [size, 1, warmUps])[0]);
    const best = tries.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    best.tries = tries.map((t) => t.seconds);
    throughput.push(best);
    emit(best);
    log(
      `${best.impl.padEnd(16)} ${fmt(best.peakPresent)} people present, ${fmt(best.agentYears)} person-years in ` +
        `${best.seconds.toFixed(3)} s: ${fmt(best.agentYearsPerSec)} person-years/s, ` +
        `${(best.secondsPerYear * 1000).toFixed(1)} ms/year, ${best.peakRssBytesPerPerson.toFixed(1)} bytes/person (peak RSS)`,
    );
  }
}

let profile;
if (options.parts.includes('profile')) {
  const size = options.sizes.includes('medium') ? 'medium' : options.sizes[0];
  const tries = [];
  for (let k = 0; k < options.repeat; k++) tries.push(child('profile.mjs', [size])[0]);
  profile = tries.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  emit(profile);
  log(`profile (${size}): share of the yearly loop's time by submodel`);
  for (const s of profile.submodels)
    log(
      `  ${s.name.padEnd(15)} ${(s.share * 100).toFixed(1).padStart(5)} %  ${s.nsPerPersonYear.toFixed(1)} ns/person-year`,
    );
}

let scaling = [];
if (options.parts.includes('scaling')) {
  scaling = child('scaling.mjs', ['1,2', options.replications, options.repeat]);
  for (const s of scaling) {
    emit(s);
    log(
      `ensemble of ${s.runs} runs, ${s.kind} pool of ${s.workers} worker(s): ${s.seconds.toFixed(2)} s, speed-up ` +
        `${s.speedUp.toFixed(2)}x, efficiency ${(s.efficiency * 100).toFixed(0)} %, CPU ${s.cpuSeconds.toFixed(2)} s, ` +
        `idle-core estimate ${s.idleSpeedUpEstimate.toFixed(2)}x, identical results: ${s.identical}`,
    );
  }
}

const loadAfter = loadavg();
log(
  `load average after: ${loadAfter.map((l) => l.toFixed(2)).join(' ')}; ${((Date.now() - started) / 1000).toFixed(0)} s`,
);

if (options.writeDocs) {
  const text = performanceDoc({
    machine: machine(),
    argv: process.argv.slice(2),
    loadBefore,
    loadAfter,
    throughput,
    profile,
    scaling,
    sizes: SIZES,
  });
  writeFileSync(options.writeDocs, text);
  log(`wrote ${options.writeDocs}`);
}

function fmt(n) {
  return Math.round(n).toLocaleString('en-CA');
}

function parseOptions(argv) {
  const o = {
    json: false,
    sizes: ['small', 'medium', 'large'],
    parts: ['throughput', 'profile', 'scaling'],
    repeat: 3,
    replications: 16,
    writeDocs: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (name === '--json') o.json = true;
    else if (name === '--sizes') o.sizes = value().split(',');
    else if (name === '--parts') o.parts = value().split(',');
    else if (name === '--repeat') o.repeat = Math.max(1, Number(value()));
    else if (name === '--replications') o.replications = Math.max(1, Number(value()));
    else if (name === '--write-docs')
      o.writeDocs =
        inline ?? (argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'docs/PERFORMANCE.md');
    else {
      console.error(`bench: unknown option ${argv[i]}; see the top of bench/run.mjs`);
      process.exit(2);
    }
  }
  for (const s of o.sizes)
    if (!SIZES[s]) {
      console.error(`bench: --sizes: unknown size "${s}"; allowed: ${Object.keys(SIZES).join(', ')}`);
      process.exit(2);
    }
  for (const p of o.parts)
    if (!['throughput', 'profile', 'scaling'].includes(p)) {
      console.error(`bench: --parts: unknown part "${p}"; allowed: throughput, profile, scaling`);
      process.exit(2);
    }
  return o;
}
