import { Redis } from 'ioredis';
import { FleetInputError } from './fleet-input-error.js';
import { fleetMsg } from './messages.js';
import { readSmallFile } from './small-file.js';

/** A bad `--redis` value: the message names the value and what is allowed. */
export class RedisUrlError extends FleetInputError {
  constructor(
    readonly value: string,
    reason: string,
  ) {
    super(fleetMsg.badRedisUrl(value, reason));
    this.name = 'RedisUrlError';
  }
}

/** Checks a Redis URL and returns it normalised. Throws RedisUrlError. */
export function checkRedisUrl(value: string): string {
  if (!value.includes('://')) throw new RedisUrlError(value, fleetMsg.urlNoScheme);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RedisUrlError(value, fleetMsg.urlNotUrl);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new RedisUrlError(value, fleetMsg.urlScheme(url.protocol));
  if (!url.hostname) throw new RedisUrlError(value, fleetMsg.urlNoHost);
  if (url.port && (Number(url.port) < 1 || Number(url.port) > 65535))
    throw new RedisUrlError(value, fleetMsg.urlPort);
  const db = url.pathname.replace(/^\//, '');
  if (db && !/^\d+$/.test(db)) throw new RedisUrlError(value, fleetMsg.urlDatabase(db));
  return url.href;
}

/** The URL with its password hidden, for logs. */
export function redactRedisUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.href;
  } catch {
    return value;
  }
}

/** Redis did not answer at the given address in time. */
export class RedisUnreachableError extends FleetInputError {
  constructor(
    readonly url: string,
    timeoutMs: number,
  ) {
    super(fleetMsg.redisUnreachable(redactRedisUrl(url), timeoutMs / 1000));
    this.name = 'RedisUnreachableError';
  }
}

/** Redis refused the password (or wants one and got none). */
export class RedisAuthError extends FleetInputError {
  constructor(
    readonly url: string,
    reply: string,
  ) {
    super(fleetMsg.redisAuth(redactRedisUrl(url), reply.split(/[.,\n]/)[0]));
    this.name = 'RedisAuthError';
  }
}

/** Redis's replies to a wrong or missing password (Redis 6+ and older ones). */
const AUTH_REPLY = /^(WRONGPASS|NOAUTH|ERR invalid password|ERR AUTH)/;

/** A --redis-password-file that cannot be used: the message names the file and why. */
export class RedisPasswordFileError extends FleetInputError {
  constructor(message: string) {
    super(message);
    this.name = 'RedisPasswordFileError';
  }
}

/**
 * The URL with the password read from `file` (its first line), so that the password is in
 * no command line (`ps` shows those to every user). Throws RedisPasswordFileError.
 * @example redisUrlWithPasswordFile('redis://10.0.0.5:6379', '/etc/settle/redis.password')
 */
export function redisUrlWithPasswordFile(url: string, file: string): string {
  let text: string;
  try {
    text = readSmallFile(file, 4096);
  } catch (error) {
    throw new RedisPasswordFileError(fleetMsg.redisPasswordFile(file, (error as Error).message));
  }
  const password = text.split(/\r?\n/)[0].trim();
  if (password === '') throw new RedisPasswordFileError(fleetMsg.redisPasswordFileEmpty(file));
  const parsed = new URL(checkRedisUrl(url));
  parsed.password = encodeURIComponent(password);
  return parsed.href;
}

/**
 * Opens an ioredis connection as BullMQ needs it (`maxRetriesPerRequest: null`: commands wait
 * for a reconnection instead of failing, so a Redis restart pauses the fleet, not breaks it).
 */
export function connectRedis(url: string, name: string): Redis {
  return new Redis(checkRedisUrl(url), {
    maxRetriesPerRequest: null,
    connectionName: name,
    // Reconnect forever, backing off to 2 s: workers outlive a Redis restart.
    retryStrategy: (times) => Math.min(times * 100, 2000),
  });
}

/**
 * Resolves once Redis answers PING, or rejects after `timeoutMs` with a message naming the
 * URL: a wrong address is an error at start, not an endless wait. A wrong or missing
 * password rejects at once with RedisAuthError.
 */
export async function waitForRedis(connection: Redis, url: string, timeoutMs = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisUnreachableError(url, timeoutMs)), timeoutMs);
  });
  try {
    await Promise.race([connection.ping(), timeout]);
  } catch (error) {
    const reply = (error as Error).message ?? '';
    if (AUTH_REPLY.test(reply)) throw new RedisAuthError(url, reply);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Connects, PINGs and disconnects: says early (before anything is written) that Redis is unreachable. */
export async function checkRedisReachable(url: string, timeoutMs = 10_000): Promise<void> {
  const connection = connectRedis(url, 'settle-check');
  connection.on('error', () => {});
  try {
    await waitForRedis(connection, url, timeoutMs);
  } finally {
    connection.disconnect();
  }
}
