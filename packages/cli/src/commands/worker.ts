import { availableParallelism } from 'node:os';
import { type Args, intOption, stringOption } from '../args.js';
import { InputError } from '../messages.js';

/** Options of `settle worker`. */
export const WORKER_OPTIONS = { valued: ['redis', 'concurrency', 'lock-seconds'], boolean: ['quiet'] };

/**
 * The cluster package, loaded only when a command needs Redis: the local path never loads
 * bullmq or ioredis. A bad `--redis` value is an InputError (exit 2).
 */
export async function loadCluster(redis: string | undefined, command: string) {
  if (!redis) throw new InputError(`settle ${command}: --redis redis://HOST:PORT is required`);
  const cluster = await import('@smart-settlement/cluster');
  try {
    cluster.checkRedisUrl(redis);
  } catch (e) {
    if (e instanceof cluster.RedisUrlError) throw new InputError(`settle ${command}: ${e.message}`);
    throw e;
  }
  return cluster;
}

/** Runs `body`, turning "Redis does not answer" into an InputError (a message, exit 2, no stack). */
export async function reachingRedis<T>(command: string, body: () => Promise<T>): Promise<T> {
  const cluster = await import('@smart-settlement/cluster');
  try {
    return await body();
  } catch (e) {
    if (e instanceof cluster.RedisUnreachableError) throw new InputError(`settle ${command}: ${e.message}`);
    throw e;
  }
}

/**
 * `settle worker --redis redis://HOST:PORT [--concurrency N] [--lock-seconds S]`: joins the
 * fleet and runs the runs of every experiment a coordinator (`settle sweep --redis`) puts on
 * the queue, until Ctrl-C or SIGTERM (the runs in progress finish first; a second signal quits
 * at once, and those runs go back to the queue for another worker).
 */
export async function worker(args: Args): Promise<void> {
  const redis = stringOption(args, 'redis');
  const concurrency = intOption(args, 'concurrency', 1, 1024) ?? availableParallelism();
  const lockSeconds = intOption(args, 'lock-seconds', 1, 3600) ?? 30;
  const cluster = await loadCluster(redis, 'worker');
  const quiet = args.flags.has('quiet');
  const say = (line: string) => {
    if (!quiet) console.error(`settle worker: ${line}`);
  };
  let runs = 0;
  const fleet = await reachingRedis('worker', () =>
    cluster.startWorker({
      redis: redis!,
      concurrency,
      lockDurationMs: lockSeconds * 1000,
      log: say,
      onRun: () => {
        runs += 1;
      },
    }),
  );
  say(
    `connected to ${cluster.redactRedisUrl(redis!)}, ${concurrency} runs at once; waiting for experiments (Ctrl-C to stop)`,
  );
  await new Promise<void>((resolve, reject) => {
    const stop = () => {
      process.on('SIGINT', () => process.exit(130));
      process.on('SIGTERM', () => process.exit(143));
      say('stopping after the runs in progress (Ctrl-C again to quit now)');
      fleet.close().then(resolve, reject);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  say(`stopped after ${runs} runs`);
}
