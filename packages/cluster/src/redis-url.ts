import { Redis } from 'ioredis';

/** A bad `--redis` value: the message names the value and what is allowed. */
export class RedisUrlError extends Error {
  constructor(
    readonly value: string,
    reason: string,
  ) {
    super(
      `--redis: ${JSON.stringify(value)} ${reason}; allowed: redis://HOST:PORT (or redis://:PASSWORD@HOST:PORT/DB, rediss:// for TLS)`,
    );
    this.name = 'RedisUrlError';
  }
}

/** Checks a Redis URL and returns it normalised. Throws RedisUrlError. */
export function checkRedisUrl(value: string): string {
  if (!value.includes('://')) throw new RedisUrlError(value, 'has no scheme');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RedisUrlError(value, 'is not a URL');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new RedisUrlError(value, `has the scheme "${url.protocol}"`);
  if (!url.hostname) throw new RedisUrlError(value, 'has no host');
  if (url.port && (Number(url.port) < 1 || Number(url.port) > 65535))
    throw new RedisUrlError(value, 'has a port out of range');
  const db = url.pathname.replace(/^\//, '');
  if (db && !/^\d+$/.test(db)) throw new RedisUrlError(value, `has the database "${db}" (a number)`);
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
export class RedisUnreachableError extends Error {
  constructor(
    readonly url: string,
    timeoutMs: number,
  ) {
    super(
      `cannot reach Redis at ${redactRedisUrl(url)} within ${timeoutMs / 1000} s (is redis-server running there, listening on that address and reachable from this machine?)`,
    );
    this.name = 'RedisUnreachableError';
  }
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
 * URL: a wrong address is an error at start, not an endless wait.
 */
export async function waitForRedis(connection: Redis, url: string, timeoutMs = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisUnreachableError(url, timeoutMs)), timeoutMs);
  });
  try {
    await Promise.race([connection.ping(), timeout]);
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
