import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIBRARY } from '@smart-settlement/scenarios';
import { beforeAll, describe, expect, it } from 'vitest';
import { folderFiles, type SettleResult, settleAsync, tempDir } from '../helpers/cli.js';

// The quick commands of the built CLI, all started at once (each spends most of its time loading).
describe('settle list, validate and bad input (built CLI, spawned)', () => {
  const dir = tempDir('settle-quick-');
  const r: Record<string, SettleResult> = {};

  beforeAll(async () => {
    writeFileSync(
      join(dir, 'good.json'),
      JSON.stringify({ name: 'good', years: 5, policies: [{ type: 'dispersion', termYears: 4 }] }),
    );
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({
        name: 'bad',
        years: 0,
        polices: [],
        policies: [{ type: 'dispersion', reach: 1.5 }, { type: 'teleport' }],
      }),
    );
    mkdirSync(join(dir, 'results'));
    writeFileSync(join(dir, 'results', 'keep.txt'), 'earlier results');
    const commands: Record<string, string[]> = {
      list: ['list'],
      good: ['validate', 'good.json'],
      bad: ['validate', 'bad.json'],
      unknownCommand: ['frobnicate', '--out', 'fresh'],
      badLever: ['run', 'dispersion', '--set', 'dispersion.reach=2', '--out', 'results'],
    };
    const names = Object.keys(commands);
    const results = await Promise.all(names.map((n) => settleAsync(commands[n], dir)));
    names.forEach((n, i) => {
      r[n] = results[i];
    });
  });

  it('list names every library scenario with its description, exit 0', () => {
    expect(r.list.status).toBe(0);
    const lines = r.list.stdout.split('\n');
    for (const [name, s] of Object.entries(LIBRARY))
      expect(lines.some((l) => l.startsWith(name) && l.includes(s.description))).toBe(true);
  });

  it('validate accepts a good scenario file (exit 0, says valid)', () => {
    expect(r.good.status).toBe(0);
    expect(r.good.stdout).toContain('valid scenario "good"');
  });

  it('validate rejects a bad file with exit 2, naming each field, its value and what is allowed, without a stack trace', () => {
    expect(r.bad.status).toBe(2);
    expect(r.bad.stderr).toContain('invalid scenario bad.json');
    expect(r.bad.stderr).toContain('years: got 0; allowed: an integer from 1 to 200');
    expect(r.bad.stderr).toContain('polices: got []; allowed: no such field');
    expect(r.bad.stderr).toContain('policies[0].reach: got 1.5; allowed: a number from 0 to 1');
    expect(r.bad.stderr).toContain('policies[1].type: got "teleport"; allowed: one of "baseline"');
    expect(r.bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unknown command: exit 2, the allowed commands listed, no --out folder created', () => {
    expect(r.unknownCommand.status).toBe(2);
    expect(r.unknownCommand.stderr).toMatch(/unknown command "frobnicate"; allowed: .*run.*compare/);
    expect(readdirSync(dir)).not.toContain('fresh');
  });

  it('a bad lever value aimed at an existing results folder: exit 2, the message names the field, the folder is left untouched', () => {
    expect(r.badLever.status).toBe(2);
    expect(r.badLever.stderr).toContain('policies[0].reach: got 2; allowed: a number from 0 to 1');
    expect([...folderFiles(join(dir, 'results')).keys()]).toEqual(['keep.txt']);
    expect(readFileSync(join(dir, 'results', 'keep.txt'), 'utf8')).toBe('earlier results');
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});
