import { type FleetSecret, readFleetSecret } from './fleet-secret.js';
import { fleetMsg } from './messages.js';
import {
  checkRedisUrl,
  RedisPasswordFileError,
  redactRedisUrl,
  redisUrlWithPasswordFile,
} from './redis-url.js';

/** Where a fleet command takes its Redis address, Redis password and fleet secret from. */
export interface FleetAccessSources {
  /** The address given on the command line (`--redis`), if any. */
  redis?: string;
  /** A file holding the Redis password (`--redis-password-file`). */
  passwordFile?: string;
  /** A file holding the fleet secret (`--fleet-secret-file`). */
  secretFile?: string;
  /** Environment (REDIS_URL, SETTLE_FLEET_SECRET, SETTLE_FLEET_SECRET_FILE); default process.env. */
  env?: NodeJS.ProcessEnv;
}

/** What a coordinator or worker needs to join the fleet. */
export interface FleetAccess {
  /** The URL with its password (never printed: see `shown`). */
  redis: string;
  /** The URL with its password hidden, for messages. */
  shown: string;
  secret: FleetSecret;
  /** True when the password came on the command line, where `ps` shows it to every user. */
  passwordOnCommandLine: boolean;
}

/**
 * The Redis URL (`redis`, else REDIS_URL; the password may come from `passwordFile`, or from
 * REDIS_URL when it names the same host) and the fleet secret, checked before anything is
 * written or any connection made. Throws a {@link FleetInputError} (RedisUrlError,
 * RedisPasswordFileError, FleetSecretError) naming what is wrong; returns undefined when no
 * address is given at all (the caller says which option is missing).
 * @example const access = fleetAccess({ redis: 'redis://10.0.0.5:6379' });
 */
export function fleetAccess(sources: FleetAccessSources): FleetAccess | undefined {
  const env = sources.env ?? process.env;
  const given = sources.redis ?? env.REDIS_URL;
  if (!given) return undefined;
  let redis = checkRedisUrl(given);
  if (sources.passwordFile !== undefined) {
    if (new URL(redis).password) throw new RedisPasswordFileError(fleetMsg.passwordTwice);
    redis = redisUrlWithPasswordFile(redis, sources.passwordFile);
  } else redis = withPasswordFromEnv(redis, env.REDIS_URL);
  const secret = readFleetSecret({ file: sources.secretFile, env });
  const passwordOnCommandLine = sources.redis !== undefined && new URL(sources.redis).password !== '';
  return { redis, shown: redactRedisUrl(redis), secret, passwordOnCommandLine };
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
