#!/usr/bin/env node
// Builds the scenario explorer's page: one self-contained HTML file (dist/page/explorer.html).
// esbuild bundles the engine's worker (core + scenarios) into a string, then the page (controls,
// charts from viz, vega) with that string inlined, so the worker starts from a Blob URL and the
// page works from file:// with no server. `settle explore` fills in the scenarios.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  minify: true,
  write: false,
  format: 'iife',
  target: 'es2022',
  platform: 'browser',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

/** The text of a bundle, made safe to sit inside an inline <script> element. */
async function bundle(entry, define = {}) {
  const result = await build({ ...common, entryPoints: [join(root, entry)], define });
  return result.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

const worker = await bundle('dist/page/engine-worker.js');
const page = await bundle('dist/page/main.js', { __ENGINE_WORKER_SOURCE__: JSON.stringify(worker) });
const template = readFileSync(join(root, 'src/page/page.html'), 'utf8');
const css = readFileSync(join(root, 'src/page/page.css'), 'utf8');
const html = template.replace('/*__PAGE_CSS__*/', () => css).replace('/*__PAGE_SCRIPT__*/', () => page);
const out = join(root, 'dist/page/explorer.html');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
console.log(`explorer page: ${out} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KB)`);
