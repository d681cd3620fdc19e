import { readdirSync, readFileSync } from 'node:fs';
import { DEFAULT_PARAMS, PARAMETER_INFO, SCHEDULE } from '@smart-settlement/core';
import { POLICIES } from '@smart-settlement/scenarios';
import { describe, expect, it } from 'vitest';

// The documentation is part of the model's honesty: these tests keep it in step with the code.
const root = new URL('../../', import.meta.url);
// Table cells compared without their padding, so that aligning a table does not matter.
const unpad = (text: string) =>
  text
    .split('\n')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split('|')
            .map((c) => c.trim())
            .join('|')
        : line,
    )
    .join('\n');
const model = unpad(readFileSync(new URL('docs/MODEL.md', root), 'utf8'));
const policiesDoc = unpad(readFileSync(new URL('docs/POLICIES.md', root), 'utf8'));
const submodelFiles = readdirSync(new URL('packages/core/src/submodels/', root))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''));

describe('docs/MODEL.md', () => {
  it('has one "### name" section for every submodel file, and a file for every submodel section', () => {
    const section7 = model.slice(model.indexOf('## 7. Submodels'), model.indexOf('## 8. Parameters'));
    const headings = [...section7.matchAll(/^### (\S+)/gm)].map((m) => m[1]);
    for (const file of submodelFiles) expect(headings, `section for submodels/${file}.ts`).toContain(file);
    for (const h of headings.filter((h) => h !== 'observation'))
      expect(submodelFiles, `file for section ${h}`).toContain(h);
  });

  it('names every step of the schedule in the order the engine runs them', () => {
    const overview = model.slice(model.indexOf('## 3.'), model.indexOf('## 4.'));
    const positions = SCHEDULE.map((name) => overview.indexOf(`**${name}**`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('lists every parameter with its current default, range and source (regenerate: node scripts/parameter-table.mjs --write)', () => {
    for (const [name, info] of Object.entries(PARAMETER_INFO)) {
      const value = DEFAULT_PARAMS[name as keyof typeof DEFAULT_PARAMS];
      const shown = Array.isArray(value) ? value.join(', ') : String(value);
      const row = `|\`${name}\`|${shown}|${info.range[0]} to ${info.range[1]}|${info.description}|${info.source}|`;
      expect(model, `row for ${name}`).toContain(row);
    }
  });

  it('gives every parameter a plausible range that contains its default and a source', () => {
    for (const [name, info] of Object.entries(PARAMETER_INFO)) {
      const value = DEFAULT_PARAMS[name as keyof typeof DEFAULT_PARAMS];
      const values = Array.isArray(value) ? value : [value as number];
      expect(info.source.length, name).toBeGreaterThan(0);
      expect(info.range[0], name).toBeLessThanOrEqual(info.range[1]);
      for (const v of values) {
        expect(v, `${name} default within its range`).toBeGreaterThanOrEqual(info.range[0]);
        expect(v, `${name} default within its range`).toBeLessThanOrEqual(info.range[1]);
      }
    }
  });
});

describe('docs/POLICIES.md', () => {
  it('documents every lever of every policy type in the registry', () => {
    for (const [type, policy] of Object.entries(POLICIES)) {
      expect(policiesDoc, `section for ${type}`).toContain(`## \`${type}\``);
      for (const lever of Object.keys(policy.schema.shape)) {
        if (lever === 'type' || lever === 'name') continue;
        expect(policiesDoc, `${type}.${lever}`).toContain(`|\`${lever}\`|`);
      }
    }
  });
});
