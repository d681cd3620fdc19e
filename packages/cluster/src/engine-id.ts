import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { VERSION } from '@smart-settlement/core';

// The packages whose code decides a run's numbers.
const ENGINE_PACKAGES = ['@smart-settlement/core', '@smart-settlement/scenarios', '@smart-settlement/runner'];

let cached: string | undefined;

/**
 * The identity of the engine that runs here: the version plus a hash of the compiled code of
 * core, scenarios and runner. Two machines built from the same commit have the same id; a
 * machine with a changed model (even at the same version number) has another, and a worker
 * does not serve a coordinator of another id, since its results could differ.
 * @example engineId() // '0.1.0+3f2a9c1b7d4e'
 */
export function engineId(): string {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const hash = createHash('sha256');
  for (const pkg of ENGINE_PACKAGES) {
    const root = dirname(require.resolve(pkg));
    for (const file of codeFiles(root)) {
      hash.update(`${pkg}/${relative(root, file)}\n`);
      hash.update(readFileSync(file));
    }
  }
  cached = `${VERSION}+${hash.digest('hex').slice(0, 12)}`;
  return cached;
}

/** The .js files under a folder (no maps, no declarations), sorted. */
function codeFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...codeFiles(path));
    else if (name.endsWith('.js')) files.push(path);
  }
  return files;
}
