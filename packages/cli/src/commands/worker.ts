import { availableParallelism } from 'node:os';
import { formatBytes } from '@smart-settlement/core';
import { type Args, intOption, stringOption } from '../args.js';
import { memoryBudget } from '../memory-budget.js';
import { InputError, msg } from '../messages.js';

/** Options of every command that talks to the fleet's Redis. */
export const FLEET_OPTIONS = ['redis', 'redis-password-file', 'fleet-secret-file'];

/** Options of `settle worker`. */
export const WORKER_OPTIONS = {
  valued: [...FLEET_OPTIONS, 'concurrency', 'lock-seconds', 'max-memory'],
  boolean: ['quiet'],
};

type Cluster = typeof import('@smart-settlement/cluster');

/** What a fleet command needs: the cluster package, the Redis URL, the fleet secret. */
export interface FleetAccess {
  cluster: Cluster;
  /** The URL with its password (never printed: see `shown`). */
  redis: string;
  /** The URL with its password hidden, for messages. */
  shown: string;
  secret: import('@smart-settlement/cluster').FleetSecret;
  /** A note for the user (a password on the command line), or undefined. */
  note: string | undefined;
}

/**
 * The cluster package, loaded only when a command needs Redis (the local path never loads
 * bullmq or ioredis), with the Redis URL (--redis, else REDIS_URL; the password may come from
 * --redis-password-file) and the fleet secret (SETTLE_FLEET_SECRET, SETTLE_FLEET_SECRET_FILE
 * or --fleet-secret-file). Bad or missing values are InputErrors (exit 2), checked before
 * anything is written or any connection is made.
 */
export async function fleetAccess(args: Args, command: string): Promise<FleetAccess> {
  const option = stringOption(args, 'redis');
  const given = option ?? process.env.REDIS_URL;
  if (!given) throw new InputError(msg.needRedis(command));
  const cluster = await import('@smart-settlement/cluster');
  const passwordFile = stringOption(args, 'redis-password-file');
  let redis: string;
  try {
    redis = cluster.checkRedisUrl(given);
    if (passwordFile !== undefined) {
      if (new URL(redis).password) throw new InputError(msg.passwordTwice(command));
      redis = cluster.redisUrlWithPasswordFile(redis, passwordFile);
    } else redis = withPasswordFromEnv(redis, process.env.REDIS_URL);
  } catch (e) {
    if (e instanceof cluster.RedisUrlError || e instanceof cluster.RedisPasswordFileError)
      throw new InputError(`settle ${command}: ${e.message}`);
    throw e;
  }
  let secret: FleetAccess['secret'];
  try {
    secret = cluster.readFleetSecret({ file: stringOption(args, 'fleet-secret-file') });
  } catch (e) {
    if (e instanceof cluster.FleetSecretError) throw new InputError(`settle ${command}: ${e.message}`);
    throw e;
  }
  const note = option !== undefined && new URL(option).password ? msg.passwordInPs(command) : undefined;
  return { cluster, redis, shown: cluster.redactRedisUrl(redis), secret, note };
}

/**
 * The URL with the user name and password of REDIS_URL when it has none and REDIS_URL names
 * the same host and port: `--redis redis://HOST:PORT` then needs no password in `ps`.
 */
function withPasswordFromEnv(url: string, env: string | undefined): string {
  const parsed = new URL(url);
  if (parsed.password || !env) return url;
  let other: URL;
  try {
    other = new URL(env);
  } catch {
    return url;
  }
  if (other.host !== parsed.host || !other.password) return url;
  parsed.username = other.username;
  parsed.password = other.password;
  return parsed.href;
}

/**
 * Runs `body`, turning "Redis does not answer" and "Redis refused the password" into an
 * InputError (a message, exit 2, no stack).
 */
export async function reachingRedis<T>(command: string, body: () => Promise<T>): Promise<T> {
  const cluster = await import('@smart-settlement/cluster');
  try {
    return await body();
  } catch (e) {
    if (e instanceof cluster.RedisUnreachableError || e instanceof cluster.RedisAuthError)
      throw new InputError(`settle ${command}: ${e.message}`);
    throw e;
  }
}

/**
 * `settle worker --redis redis://HOST:PORT [--concurrency N] [--lock-seconds S] [--max-memory SIZE]`:
 * joins the fleet and runs the runs of every experiment a coordinator (`settle sweep --redis`)
 * announces with the fleet secret's code, until Ctrl-C or SIGTERM (the runs in progress finish
 * first; a second signal quits at once, and those runs go back to the queue for another worker).
 */
export async function worker(args: Args): Promise<void> {
  const concurrency = intOption(args, 'concurrency', 1, 1024) ?? availableParallelism();
  const lockSeconds = intOption(args, 'lock-seconds', 1, 3600) ?? 30;
  // --max-memory is the machine's budget, as for every command: a run gets its share.
  const maxRunBytes = Math.floor(memoryBudget(args) / concurrency);
  const { cluster, redis, shown, secret, note } = await fleetAccess(args, 'worker');
  const quiet = args.flags.has('quiet');
  const say = (line: string) => {
    if (!quiet) console.error(`settle worker: ${line}`);
  };
  if (note) say(note);
  let runs = 0;
  const fleet = await reachingRedis('worker', () =>
    cluster.startWorker({
      redis,
      secret,
      concurrency,
      lockDurationMs: lockSeconds * 1000,
      maxRunBytes,
      log: say,
      onRun: () => {
        runs += 1;
      },
    }),
  );
  // The signal handlers go in before the line that says the worker is ready: a SIGTERM sent
  // on reading it must find them.
  const stopped = new Promise<void>((resolve, reject) => {
    const stop = () => {
      process.on('SIGINT', () => process.exit(130));
      process.on('SIGTERM', () => process.exit(143));
      say(msg.workerStopping);
      fleet.close().then(resolve, reject);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  say(msg.workerConnected(shown, concurrency, formatBytes(maxRunBytes)));
  await stopped;
  const refused = fleet.counts();
  say(msg.workerStopped(runs, refused.forgedJobs + refused.invalidJobs + refused.overBudgetJobs));
}
