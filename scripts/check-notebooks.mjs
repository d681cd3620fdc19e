#!/usr/bin/env node
// Executes every notebook in notebooks/ headless with Jupyter and Deno's kernel, failing on
// any cell error. By default the executed copies go to a temporary folder so the committed
// notebooks are untouched; --in-place (npm run notebooks) refreshes the committed outputs.
//   node scripts/check-notebooks.mjs [--in-place] [01-dispersion-vs-engagement ...]
// Needs the built packages (npm run build) and Jupyter with nbconvert (Debian: jupyter-notebook
// jupyter-nbconvert python3-nbconvert python3-nbclient python3-ipykernel).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installKernel, ROOT } from './notebooks-kernel.mjs';

const args = process.argv.slice(2);
const inPlace = args.includes('--in-place');
const wanted = args.filter((a) => !a.startsWith('--'));
const folder = join(ROOT, 'notebooks');
const notebooks = readdirSync(folder)
  .filter((f) => f.endsWith('.ipynb'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
if (notebooks.length === 0) {
  console.error(`no notebook in ${folder} matches ${wanted.join(' ') || '*.ipynb'}`);
  process.exit(2);
}
for (const pkg of ['core', 'scenarios', 'viz']) {
  if (!existsSync(join(ROOT, 'packages', pkg, 'dist', 'index.js'))) {
    console.error(`packages/${pkg}/dist is missing: run npm run build first`);
    process.exit(2);
  }
}
// Debian's /usr/bin/jupyter first: another python3 on PATH may lack Jupyter.
const jupyter = process.env.JUPYTER ?? (existsSync('/usr/bin/jupyter') ? '/usr/bin/jupyter' : 'jupyter');
const env = {
  ...process.env,
  JUPYTER_PATH: [installKernel(), process.env.JUPYTER_PATH].filter(Boolean).join(':'),
  // Jupyter's own runtime files (connection files) in a private temp folder, not the home.
  JUPYTER_RUNTIME_DIR: mkdtempSync(join(tmpdir(), 'ss-jupyter-runtime-')),
  PYDEVD_DISABLE_FILE_VALIDATION: '1',
  NO_COLOR: '1',
};
const out = inPlace ? undefined : mkdtempSync(join(tmpdir(), 'ss-notebooks-'));
let failed = 0;
for (const name of notebooks) {
  const started = performance.now();
  const target = inPlace ? ['--inplace'] : ['--output-dir', out];
  const run = spawnSync(
    jupyter,
    [
      'nbconvert',
      '--to',
      'notebook',
      '--execute',
      '--ExecutePreprocessor.timeout=600',
      ...target,
      join(folder, name),
    ],
    { env, encoding: 'utf8', cwd: folder },
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) {
    failed++;
    console.error(`FAIL ${name} (${seconds} s)\n${run.error ?? ''}${run.stderr}`);
    continue;
  }
  const executed = JSON.parse(readFileSync(inPlace ? join(folder, name) : join(out, name), 'utf8'));
  const errors = executed.cells.flatMap((c) => (c.outputs ?? []).filter((o) => o.output_type === 'error'));
  if (errors.length > 0) {
    failed++;
    console.error(`FAIL ${name}: ${errors.map((e) => `${e.ename}: ${e.evalue}`).join('; ')}`);
    continue;
  }
  console.log(`ok   ${name} (${seconds} s)`);
}
if (out) rmSync(out, { recursive: true, force: true });
rmSync(env.JUPYTER_RUNTIME_DIR, { recursive: true, force: true });
if (failed > 0) {
  console.error(`${failed} of ${notebooks.length} notebooks failed`);
  process.exit(1);
}
