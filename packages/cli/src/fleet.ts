import { InputError, msg } from './messages.js';
import type { Options } from './options.js';

type Cluster = typeof import('@smart-settlement/cluster');

let loaded: Cluster | undefined;

/**
 * The cluster package, loaded only when a command needs Redis (`settle worker`, `--redis`):
 * the local path never loads bullmq or ioredis.
 */
export async function loadCluster(): Promise<Cluster> {
  loaded ??= await import('@smart-settlement/cluster');
  return loaded;
}

/**
 * True for the fleet's bad-input errors (a bad Redis address, password file or fleet secret,
 * Redis not answering or refusing the password): exit status 2. False whenever the cluster
 * package was never loaded, since then none can have been thrown.
 */
export function isFleetInputError(error: unknown): boolean {
  return loaded !== undefined && error instanceof loaded.FleetInputError;
}

/** A fleet command's access to the fleet, and the cluster package. */
export interface Fleet {
  cluster: Cluster;
  access: import('@smart-settlement/cluster').FleetAccess;
}

/**
 * The cluster package with the Redis URL (--redis, else REDIS_URL; the password may come from
 * --redis-password-file) and the fleet secret (SETTLE_FLEET_SECRET, SETTLE_FLEET_SECRET_FILE
 * or --fleet-secret-file), checked before anything is written or any connection is made. A
 * password given in --redis gets a note (`ps` shows it to every user).
 */
export async function joinFleet(
  options: Options,
  command: string,
  note: (line: string) => void,
): Promise<Fleet> {
  if (!options.redis && !process.env.REDIS_URL) throw new InputError(msg.needRedis(command));
  const cluster = await loadCluster();
  const access = cluster.fleetAccess({
    redis: options.redis,
    passwordFile: options.redisPasswordFile,
    secretFile: options.fleetSecretFile,
  });
  if (!access) throw new InputError(msg.needRedis(command));
  if (access.passwordOnCommandLine) note(msg.passwordInPs(command));
  return { cluster, access };
}
