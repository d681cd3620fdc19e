/**
 * A throwaway Redis for the fleet tests: Debian's redis-server on 127.0.0.1 and a free high
 * port, without persistence, stopped by its pid. Never touches a Redis already running.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The redis-server binary: $REDIS_SERVER if set (a path; checks what happens when it is
 * missing), else Debian's, else the first on PATH; undefined if there is none.
 */
export function findRedisServer(): string | undefined {
  const chosen = process.env.REDIS_SERVER;
  if (chosen !== undefined) return existsSync(chosen) ? chosen : undefined;
  if (existsSync('/usr/bin/redis-server')) return '/usr/bin/redis-server';
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const path = which.stdout.trim();
  return which.status === 0 && path ? path : undefined;
}

/**
 * Whether the fleet tests run here. In CI (CI=true) a missing redis-server is a failure, never
 * a skip: `.ci/run` installs it, and a silently skipped test proves nothing.
 */
export function redisAvailable(): boolean {
  const found = findRedisServer() !== undefined;
  if (!found && process.env.CI === 'true')
    throw new Error(
      'redis-server is missing: CI must install it (see .ci/run: apt-get install redis-server)',
    );
  return found;
}

/** A running redis-server. */
export interface TestRedis {
  url: string;
  port: number;
  pid: number;
  /** Stops it (SIGTERM, then SIGKILL) and removes its folder. */
  stop(): Promise<void>;
}

/** A port nobody listens on now (the kernel's choice of an ephemeral, high port). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Sends PING over a raw socket (after AUTH if a password is set); true on +PONG. */
function ping(port: number, password?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write(password ? `AUTH ${password}\r\nPING\r\n` : 'PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      if (reply.includes('PONG') || reply.includes('-')) done(reply.includes('+PONG'));
    });
  });
}

/** Options of startRedis. */
export interface TestRedisOptions {
  /** A password the server requires (requirepass); `url` then carries it. */
  password?: string;
}

/** Starts redis-server and waits until it answers PING. */
export async function startRedis(options: TestRedisOptions = {}): Promise<TestRedis> {
  const binary = findRedisServer();
  if (!binary) throw new Error('redis-server is not installed (apt-get install redis-server)');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'settle-redis-'));
  const child: ChildProcess = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      ...(options.password ? ['--requirepass', options.password] : []),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid!, 'SIGTERM');
      const timer = setTimeout(() => child.exitCode === null && process.kill(child.pid!, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    if (await ping(port, options.password)) {
      const auth = options.password ? `:${encodeURIComponent(options.password)}@` : '';
      return { url: `redis://${auth}127.0.0.1:${port}`, port, pid: child.pid!, stop };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`redis-server on port ${port} did not answer PING: ${stderr}`);
}
