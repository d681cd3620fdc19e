// Prints the parameter table of docs/MODEL.md from PARAMETER_INFO (the single source), or
// with --write replaces the table between the markers in docs/MODEL.md.
// Needs the built packages: npm run build.
import { readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_PARAMS, PARAMETER_INFO } from '../packages/core/dist/index.js';

const fmt = (v) => (Array.isArray(v) ? v.join(', ') : String(v));
const rows = Object.entries(PARAMETER_INFO).map(
  ([name, info]) =>
    `| \`${name}\` | ${fmt(DEFAULT_PARAMS[name])} | ${info.range[0]} to ${info.range[1]} | ${info.description} | ${info.source} |`,
);
const table = ['| parameter | default | range | meaning | source |', '|---|---|---|---|---|', ...rows].join(
  '\n',
);

if (process.argv.includes('--write')) {
  const path = new URL('../docs/MODEL.md', import.meta.url);
  const doc = readFileSync(path, 'utf8');
  const start = '<!-- parameters:start -->';
  const end = '<!-- parameters:end -->';
  const before = doc.slice(0, doc.indexOf(start) + start.length);
  const after = doc.slice(doc.indexOf(end));
  writeFileSync(path, `${before}\n${table}\n${after}`);
} else {
  console.log(table);
}
