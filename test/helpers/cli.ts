/** Runs the built `settle` command as a user would, and reads results folders back. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

/** The built command (needs `npm run build`, which the test command runs first). */
export const BIN = resolve(import.meta.dirname, '../../packages/cli/dist/bin.js');

export interface SettleResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `settle ...args` with pipes (not a terminal), in `cwd` (default: a fresh temporary folder). */
export function settle(args: string[], cwd?: string): SettleResult {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` first`);
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: cwd ?? tempDir(),
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'settle-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
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

/** Options that make a CLI run take a fraction of a second. */
export const FAST = ['--years', '3', '--replications', '2', '--set', 'agentScale=500', '--quiet'];
