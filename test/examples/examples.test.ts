import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveScenario, ScenarioError } from '@smart-settlement/scenarios';
import { describe, expect, it } from 'vitest';

// What the README and examples/ promise must work as written (they run against the built packages).
const root = new URL('../../', import.meta.url).pathname;
const runTs = (file: string, args: string[] = []) =>
  execFileSync(process.execPath, ['--import', 'tsx', file, ...args], { cwd: root, encoding: 'utf8' });

describe('examples/scenarios', () => {
  const files = readdirSync(join(root, 'examples/scenarios')).filter((f) => f.endsWith('.json'));
  it('holds example scenario files', () => expect(files.length).toBeGreaterThanOrEqual(3));
  for (const file of files) {
    it(`${file} passes the scenario schema`, () => {
      const raw = JSON.parse(readFileSync(join(root, 'examples/scenarios', file), 'utf8'));
      let problems: unknown;
      try {
        resolveScenario(raw);
      } catch (e) {
        problems = e instanceof ScenarioError ? e.problems : e;
      }
      expect(problems).toBeUndefined();
    });
  }
});

describe('docs/scenario.schema.json and docs/experiment.schema.json', () => {
  for (const kind of ['scenario', 'experiment']) {
    it(`docs/${kind}.schema.json is the schema \`settle schema ${kind}\` prints today (regenerate: settle schema ${kind} > docs/${kind}.schema.json)`, () => {
      const printed = execFileSync(process.execPath, ['packages/cli/dist/bin.js', 'schema', kind], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(readFileSync(join(root, `docs/${kind}.schema.json`), 'utf8')).toBe(printed);
    });
  }
});

describe('researcher examples', () => {
  it("the README's library example runs and prints paired differences of both dispersion scenarios against the baseline", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const code = readme.match(/```ts\n([\s\S]*?)```/)?.[1] ?? '';
    expect(code).toContain('@smart-settlement/core');
    const dir = mkdtempSync(join(root, '.tmp-readme-'));
    try {
      const file = join(dir, 'readme-example.ts');
      writeFileSync(file, code.replace('replications: 10', 'replications: 2'));
      const out = runTs(file);
      expect(out).toMatch(/\d+ agents present after 5 years/);
      for (const name of ['dispersion', 'dispersion-6y']) expect(out).toContain(name);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('examples/scripts/term-length.ts prints a row per term and the cliff table', () => {
    const out = runTs('examples/scripts/term-length.ts', ['2']);
    for (const term of ['term-0', 'term-3', 'term-6']) expect(out.split(term).length - 1).toBe(2);
    expect(out).toContain('years 1-8');
  });
});
