/** Runs the built `settle` command as a user would, and reads results folders back. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

/** The built command (needs `npm run build`, which the test command runs first). */
export const BIN = resolve(import.meta.dirname, '../../packages/cli/dist/bin.js');

export interface SettleResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `settle ...args` with pipes (not a terminal), in `cwd` (default: a fresh temporary
 * folder), with `env` added to this process's environment.
 */
export function settle(args: string[], cwd?: string, env: NodeJS.ProcessEnv = {}): SettleResult {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` first`);
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: cwd ?? tempDir(),
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking, so that several runs can share the machine's cores. */
export function settleAsync(args: string[], cwd?: string): Promise<SettleResult> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` first`);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: cwd ?? tempDir(),
      env: { ...process.env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'settle-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A fresh temporary folder holding `e.json`: a two-point factorial experiment on the dispersion incentive. */
export function experimentDir(): string {
  const dir = tempDir();
  writeFileSync(
    join(dir, 'e.json'),
    JSON.stringify({
      name: 'e',
      scenario: 'dispersion',
      parameters: [{ path: 'dispersion.incentive', values: [0, 1] }],
      design: { type: 'factorial' },
    }),
  );
  return dir;
}

/** Every file under a folder, by relative path, with its bytes (also hidden files). */
export function folderFiles(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

/** Options that keep the simulation of a CLI run to a fraction of a second. */
export const FAST = ['--years', '3', '--replications', '2', '--set', 'agentScale=500'];

/**
 * Runs the command line in this process (the sources, no build needed), capturing what it
 * prints: fast enough for many bad-input cases. Paths should be absolute.
 */
export async function settleInProcess(args: string[]): Promise<SettleResult> {
  const { main } = await import('@smart-settlement/cli');
  const stdout: string[] = [];
  const stderr: string[] = [];
  const log = console.log;
  const error = console.error;
  console.log = (...a: unknown[]) => void stdout.push(a.join(' '));
  console.error = (...a: unknown[]) => void stderr.push(a.join(' '));
  try {
    const status = await main(args);
    return { status, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}
