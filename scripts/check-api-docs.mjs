#!/usr/bin/env node
// Fails when an exported symbol of core, scenarios, viz or runner has no
// doc comment, or a doc comment links to nothing ({@link Name} that does not resolve).
// TypeDoc's notDocumented validation, with validation warnings as errors, one package at a time.
//   node scripts/check-api-docs.mjs            # core, scenarios, viz and runner
//   node scripts/check-api-docs.mjs viz runner # list what other packages miss
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const PACKAGES = process.argv.length > 2 ? process.argv.slice(2) : ['core', 'scenarios', 'viz', 'runner'];
// Top-level exports; members of interfaces and classes are welcome to have comments but not required.
const KINDS = ['Enum', 'Variable', 'Function', 'Class', 'Interface', 'TypeAlias'];

// An empty options file so that the root typedoc.json (the published reference) is not read.
const scratch = mkdtempSync(join(tmpdir(), 'ss-api-docs-'));
const options = join(scratch, 'typedoc.json');
writeFileSync(options, '{}\n');
let failed = false;
for (const pkg of PACKAGES) {
  const args = [
    'typedoc',
    '--options',
    options,
    '--entryPointStrategy',
    'resolve',
    '--tsconfig',
    `packages/${pkg}/tsconfig.json`,
    // The package's entry points: its main export and, for viz, its Node-only './node' export.
    ...['src/index.ts', 'src/node/index.ts']
      .filter((entry) => existsSync(join(ROOT, 'packages', pkg, entry)))
      .flatMap((entry) => ['--entryPoints', `packages/${pkg}/${entry}`]),
    '--emit',
    'none',
    '--disableSources',
    '--logLevel',
    'Warn',
    '--validation.notExported',
    'false',
    '--validation.invalidLink',
    '--validation.notDocumented',
    '--treatValidationWarningsAsErrors',
    ...KINDS.flatMap((kind) => ['--requiredToBeDocumented', kind]),
  ];
  const run = spawnSync('npx', args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const output = `${run.stdout}${run.stderr}`.trim();
  if (run.status !== 0) {
    failed = true;
    console.error(`@smart-settlement/${pkg}: exported symbols need doc comments\n${output}`);
  } else console.log(`ok   @smart-settlement/${pkg}: every exported symbol has a doc comment`);
}
rmSync(scratch, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
