import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, experimentDir, tempDir } from '../helpers/cli.js';
import { SECRET_TEXT } from '../helpers/fake-experiment.js';
import { redisAvailable, startRedis, type TestRedis } from '../helpers/redis-server.js';

const PASSWORD = 'the-right-password-42';

interface Ended {
  status: number | null;
  output: string;
}

/**
 * Runs `settle ...args` with `env` added (and the fleet secret); resolves when it exits, or
 * once its output contains `ready` (then stops it with SIGTERM and resolves at its exit).
 */
function settleUntil(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready?: string,
  cwd = tempDir(),
): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, FORCE_COLOR: '0', REDIS_URL: '', SETTLE_FLEET_SECRET: SECRET_TEXT, ...env },
    });
    let output = '';
    let stopped = false;
    const take = (chunk: Buffer) => {
      output += chunk;
      // One SIGTERM only: a second one means "quit now" (exit 143).
      if (ready && !stopped && output.includes(ready)) {
        stopped = true;
        child.kill('SIGTERM');
      }
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    child.on('error', reject);
    // 'close', not 'exit': the output is whole only once the pipes are closed.
    child.on('close', (status) => resolve({ status, output }));
  });
}

/** True if the output has a JavaScript stack trace in it. */
const hasStack = (text: string) => /\n\s+at .+\(.*:\d+:\d+\)/.test(text);

describe.runIf(redisAvailable())('the fleet’s Redis password', () => {
  let redis: TestRedis;
  let bare: string;
  beforeAll(async () => {
    redis = await startRedis({ password: PASSWORD });
    bare = `redis://127.0.0.1:${redis.port}`;
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('a wrong password stops settle worker with exit 2 and a clear message, no stack trace', async () => {
    const r = await settleUntil(['worker', '--redis', `redis://:wrong@127.0.0.1:${redis.port}`], {});
    expect(r.status).toBe(2);
    expect(r.output).toContain('did not accept the password');
    expect(r.output).toContain('REDIS_URL');
    expect(r.output).not.toContain('wrong@');
    expect(hasStack(r.output)).toBe(false);
  });

  it('no password for a Redis that wants one is the same: exit 2, a message', async () => {
    const r = await settleUntil(['worker', '--redis', bare], {});
    expect(r.status).toBe(2);
    expect(r.output).toContain('did not accept the password (NOAUTH');
    expect(hasStack(r.output)).toBe(false);
  });

  it('a wrong password stops settle sweep --redis with exit 2 before anything is written', async () => {
    const dir = experimentDir();
    const args = ['sweep', 'e.json', '--out', 'out', '--redis', bare, '--redis-password-file', 'pw'];
    writeFileSync(join(dir, 'pw'), 'not-it\n');
    const r = await settleUntil(args, {}, undefined, dir);
    expect(r.status).toBe(2);
    expect(r.output).toContain('did not accept the password');
    expect(hasStack(r.output)).toBe(false);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('the password can come from REDIS_URL, out of the command line (and ps)', async () => {
    const url = `redis://:${PASSWORD}@127.0.0.1:${redis.port}`;
    const alone = await settleUntil(
      ['worker', '--concurrency', '1'],
      { REDIS_URL: url },
      'waiting for experiments',
    );
    expect(alone.status, alone.output).toBe(0);
    expect(alone.output).toContain(`connected to redis://:***@127.0.0.1:${redis.port}`);
    // With --redis naming the same server without a password, REDIS_URL's password is used.
    const both = await settleUntil(
      ['worker', '--concurrency', '1', '--redis', bare],
      { REDIS_URL: url },
      'waiting for experiments',
    );
    expect(both.status, both.output).toBe(0);
  });

  it('the password can come from a file (--redis-password-file); only one source at a time', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'pw'), `${PASSWORD}\n`);
    const ok = await settleUntil(
      ['worker', '--concurrency', '1', '--redis', bare, '--redis-password-file', 'pw'],
      {},
      'waiting for experiments',
      dir,
    );
    expect(ok.status, ok.output).toBe(0);
    const twice = await settleUntil(
      ['worker', '--redis', `redis://:x@127.0.0.1:${redis.port}`, '--redis-password-file', 'pw'],
      {},
      undefined,
      dir,
    );
    expect(twice.status).toBe(2);
    expect(twice.output).toContain('allowed: one of them');
    const missing = await settleUntil(
      ['worker', '--redis', bare, '--redis-password-file', 'absent'],
      {},
      undefined,
      dir,
    );
    expect(missing.status).toBe(2);
    expect(missing.output).toContain('--redis-password-file: cannot read "absent"');
  });

  it('a password given in --redis works but the worker warns that ps shows it', async () => {
    const r = await settleUntil(
      ['worker', '--concurrency', '1', '--redis', `redis://:${PASSWORD}@127.0.0.1:${redis.port}`],
      {},
      'waiting for experiments',
    );
    expect(r.status, r.output).toBe(0);
    expect(r.output).toContain('visible to every user of this machine (ps)');
    expect(r.output).not.toContain(PASSWORD);
  });
});
