import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Every TypeScript source file of a package. */
function sources(pkg: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) files.push(path);
    }
  };
  walk(join(ROOT, 'packages', pkg, 'src'));
  return files;
}

const PACKAGES = readdirSync(join(ROOT, 'packages')).filter((p) => p !== 'cluster');
const STATIC_IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+'(bullmq|ioredis|@smart-settlement\/cluster)'/m;

describe('Redis stays out of the engine and the local path', () => {
  it.each(PACKAGES)('packages/%s has no static import of bullmq, ioredis or the cluster package', (pkg) => {
    const offenders = sources(pkg)
      .filter((file) => STATIC_IMPORT.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });

  it.each(PACKAGES)('packages/%s does not depend on bullmq or ioredis', (pkg) => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'packages', pkg, 'package.json'), 'utf8'));
    const deps = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
    expect(deps.filter((d) => d === 'bullmq' || d === 'ioredis')).toEqual([]);
  });

  it('the cli loads the cluster package only by dynamic import (for --redis and settle worker)', () => {
    const dynamic = sources('cli').filter((file) =>
      readFileSync(file, 'utf8').includes("import('@smart-settlement/cluster')"),
    );
    expect(dynamic.map((f) => relative(ROOT, f))).toEqual(['packages/cli/src/fleet.ts']);
  });

  it('the static-import check recognises a static import (so it can fail)', () => {
    expect(STATIC_IMPORT.test("import { Queue } from 'bullmq';")).toBe(true);
    expect(STATIC_IMPORT.test("import type {\n  Queue,\n} from '@smart-settlement/cluster';")).toBe(true);
    expect(STATIC_IMPORT.test("const c = await import('@smart-settlement/cluster');")).toBe(false);
  });
});
