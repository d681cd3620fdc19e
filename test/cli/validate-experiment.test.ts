import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `settle validate` checks experiment files as well as scenario files (built CLI).
const root = new URL('../../', import.meta.url).pathname;
const settle = (...args: string[]) =>
  spawnSync(process.execPath, ['packages/cli/dist/bin.js', ...args], { cwd: root, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'ss-validate-exp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('settle validate <experiment>', () => {
  it('accepts every example experiment, naming it and its number of runs', () => {
    const files = readdirSync(join(root, 'examples/experiments')).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const r = settle('validate', `examples/experiments/${file}`);
      expect(r.status, `${file}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(/valid experiment ".+" \((\d+ runs|calibration)\)/);
    }
  });

  it('refuses a bad experiment with exit 2, naming each wrong field, its value and what is allowed', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'bad',
        scenario: 'dispersion',
        design: { type: 'sobol', samples: -3 },
        parameters: [],
      }),
    );
    const r = settle('validate', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('invalid experiment');
    expect(r.stderr).toMatch(/design\.samples: got -3; allowed: an integer/);
    expect(r.stderr).toMatch(/parameters: got \[\]; allowed: a list/);
  });

  it('still checks a scenario file as a scenario', () => {
    const r = settle('validate', 'examples/scenarios/northern-engagement.json');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('valid scenario "northern-engagement"');
  });
});
