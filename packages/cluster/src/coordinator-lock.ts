import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { coordinatorLockKey } from './names.js';

// Extends the lock only if this coordinator still holds it (compare and expire, atomically).
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * One coordinator per experiment: two would each take results the other waits for. The lock
 * expires `ttlMs` after its holder stops renewing it, so a coordinator killed with kill -9 can
 * be started again once that time has passed (the new one waits for it), or at once on the
 * same machine, where the new one sees that the holder's process is gone.
 */
export class CoordinatorLock {
  private readonly key: string;

  private readonly token: string;

  constructor(
    private readonly redis: Redis,
    experimentId: string,
    private readonly ttlMs = 10_000,
  ) {
    this.key = coordinatorLockKey(experimentId);
    this.token = `${hostname()} pid ${process.pid} ${randomUUID()}`;
  }

  /** Takes the lock, waiting while another coordinator holds it; false if `signal` aborts first. */
  async acquire(signal: AbortSignal | undefined, onWait: (holder: string) => void): Promise<boolean> {
    let told = false;
    while (!signal?.aborted) {
      const ok = await this.redis.set(this.key, this.token, 'PX', this.ttlMs, 'NX');
      if (ok === 'OK') return true;
      const holder = await this.redis.get(this.key);
      if (holder !== null && holderIsGone(holder)) {
        await this.redis.eval(RELEASE, 1, this.key, holder);
        continue;
      }
      if (!told) {
        onWait(holder ?? 'another coordinator');
        told = true;
      }
      await sleep(500, signal);
    }
    return false;
  }

  /** Renews the lock; false if it was lost (expired and taken, or Redis lost its data). */
  async renew(): Promise<boolean> {
    const extended = Number(await this.redis.eval(EXTEND, 1, this.key, this.token, String(this.ttlMs)));
    if (extended === 1) return true;
    // Gone altogether (a Redis restart): take it again if free.
    return (await this.redis.set(this.key, this.token, 'PX', this.ttlMs, 'NX')) === 'OK';
  }

  /** Lets the next coordinator in at once. */
  async release(): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key, this.token);
  }
}

/** True if the token names a process on this machine that no longer exists. */
function holderIsGone(token: string): boolean {
  const match = /^(.*) pid (\d+) /.exec(token);
  if (!match || match[1] !== hostname()) return false;
  try {
    process.kill(Number(match[2]), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Waits `ms`, or less if `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
