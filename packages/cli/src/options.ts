import { Option } from 'commander';
import { memorySize } from './memory-budget.js';
import { help, InputError, msg } from './messages.js';

// The options of the `settle` commands, each declared once: its flag, its help and how its
// value is read. A command adds the ones it takes; commander checks every other option away.

/** An integer option's parser: a value outside [min, max] or not an integer is an InputError naming it. */
function integer(flag: string, min: number, max: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
      throw new InputError(msg.badInteger(flag, raw, min, max));
    return n;
  };
}

/** A repeatable option's parser: every value, in order. */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** --scale: PNG pixels per chart pixel, a number from 0.25 to 20. */
export function chartScale(raw: string): number {
  const n = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || !(n >= 0.25 && n <= 20)) throw new InputError(msg.badScale(raw));
  return n;
}

/** The values of the options, as the commands receive them (absent: not given). */
export interface Options {
  out?: string;
  years?: number;
  replications?: number;
  seed?: number;
  set?: string[];
  from?: string;
  workers?: number;
  quiet?: boolean;
  maxMemory?: number;
  force?: boolean;
  json?: boolean;
  format?: string;
  scale?: number;
  agentScale?: number;
  redis?: string;
  redisPasswordFile?: string;
  fleetSecretFile?: string;
  concurrency?: number;
  lockSeconds?: number;
}

/** Every option, declared once; a fresh Option for each command that takes it. */
export const option = {
  out: (what: 'DIR' | 'FILE', description: string) => new Option(`--out <${what}>`, description),
  years: () => new Option('--years <N>', help.option.years).argParser(integer('--years', 1, 200)),
  replications: (max = 100_000, description = help.option.replications) =>
    new Option('--replications <N>', description).argParser(integer('--replications', 1, max)),
  seed: () => new Option('--seed <N>', help.option.seed).argParser(integer('--seed', 0, 4_294_967_295)),
  set: () => new Option('--set <path=value>', help.option.set).argParser(collect),
  from: () => new Option('--from <DIR/manifest.json>', help.option.from),
  workers: () => new Option('--workers <N>', help.option.workers).argParser(integer('--workers', 0, 1024)),
  quiet: () => new Option('--quiet', help.option.quiet),
  maxMemory: () => new Option('--max-memory <SIZE>', help.option.maxMemory).argParser(memorySize),
  force: () => new Option('--force', help.option.force),
  json: () => new Option('--json', help.option.json),
  format: (description: string) => new Option('--format <FORMAT>', description),
  scale: () => new Option('--scale <N>', help.option.scale).argParser(chartScale),
  agentScale: () =>
    new Option('--agent-scale <N>', help.option.agentScale).argParser(integer('--agent-scale', 1, 100_000)),
  redis: (description = help.option.redis) => new Option('--redis <URL>', description),
  redisPasswordFile: () => new Option('--redis-password-file <FILE>', help.option.redisPasswordFile),
  fleetSecretFile: () => new Option('--fleet-secret-file <FILE>', help.option.fleetSecretFile),
  concurrency: () =>
    new Option('--concurrency <N>', help.option.concurrency).argParser(integer('--concurrency', 1, 1024)),
  lockSeconds: () =>
    new Option('--lock-seconds <S>', help.option.lockSeconds).argParser(integer('--lock-seconds', 1, 3600)),
};

/** The options of run and compare (run adds --from). */
export function runOptions(): Option[] {
  return [
    option.out('DIR', help.option.out.results),
    option.years(),
    option.replications(),
    option.seed(),
    option.set(),
    option.workers(),
    option.maxMemory(),
    option.quiet(),
    option.force(),
  ];
}

/** The options of sweep, sensitivity and calibrate. */
export function experimentOptions(): Option[] {
  return [
    option.out('DIR', help.option.out.experiment),
    option.workers(),
    option.maxMemory(),
    option.quiet(),
  ];
}

/** The options of every command that talks to the fleet's Redis. */
export function fleetOptions(redisHelp?: string): Option[] {
  return [option.redis(redisHelp), option.redisPasswordFile(), option.fleetSecretFile()];
}
