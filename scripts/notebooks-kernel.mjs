#!/usr/bin/env node
// Installs Deno's Jupyter kernel for this checkout into .jupyter/kernels/deno (gitignored),
// pointing at the deno binary of node_modules, so nothing is written to the user's home.
// Jupyter finds it when JUPYTER_PATH includes .jupyter: see notebooks/README.md.
//   node scripts/notebooks-kernel.mjs            # install (or refresh) the kernel spec
//   node scripts/notebooks-kernel.mjs --print    # print the JUPYTER_PATH to use
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The folder to add to JUPYTER_PATH. */
export const JUPYTER_DIR = join(ROOT, '.jupyter');
/** The kernel's name: the same as `deno jupyter --install` uses, so notebooks open with either. */
export const KERNEL_NAME = 'deno';

/** Absolute path of the deno executable installed by npm (the root devDependency). */
export function denoExecutable() {
  const shim = join(ROOT, 'node_modules', '.bin', 'deno');
  if (!existsSync(shim)) throw new Error(`${shim} is missing: run npm test (or the bootstrap) first`);
  // The shim runs a Node launcher; ask Deno itself where its binary is.
  return execFileSync(shim, ['eval', 'console.log(Deno.execPath())'], {
    encoding: 'utf8',
    env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
  }).trim();
}

/** Writes .jupyter/kernels/deno/kernel.json; returns the JUPYTER_PATH entry. */
export function installKernel() {
  const dir = join(JUPYTER_DIR, 'kernels', KERNEL_NAME);
  const spec = {
    argv: [denoExecutable(), 'jupyter', '--kernel', '--conn', '{connection_file}'],
    display_name: 'Deno',
    language: 'typescript',
    env: { DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' },
  };
  const text = `${JSON.stringify(spec, null, 2)}\n`;
  const file = join(dir, 'kernel.json');
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, text);
  }
  return JUPYTER_DIR;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const path = installKernel();
  if (process.argv.includes('--print')) console.log(path);
  else console.log(`Deno kernel installed in ${path}/kernels/${KERNEL_NAME}; use JUPYTER_PATH=${path}`);
}
