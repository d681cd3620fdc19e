import { settleProgram } from '@smart-settlement/cli';
import { describe, expect, it } from 'vitest';
import { settleInProcess, tempDir } from '../helpers/cli.js';

// The commands as the program registers them: the list is never typed twice.
const COMMANDS = settleProgram().commands.map((c) => c.name());

describe('settle --help: every command answers with its own usage', () => {
  it('the program registers the commands users know (the list below is derived from it)', () => {
    expect(COMMANDS).toEqual(
      expect.arrayContaining(['run', 'compare', 'sweep', 'calibration-report', 'worker']),
    );
  });

  it.each(COMMANDS)('settle %s --help: exit 0, its own usage line, nothing on stderr', async (name) => {
    const r = await settleInProcess([name, '--help']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: settle ${name} \\[options\\]`, 'm'));
    expect(r.stderr).toBe('');
  });

  it.each(COMMANDS)('settle help %s: the same help as settle %s --help', async (name) => {
    const viaHelp = await settleInProcess(['help', name]);
    const viaOption = await settleInProcess([name, '--help']);
    expect(viaHelp.status).toBe(0);
    expect(viaHelp.stdout).toBe(viaOption.stdout);
  });

  it('settle --help lists every command, and the exit statuses', async () => {
    const r = await settleInProcess(['--help']);
    expect(r.status).toBe(0);
    for (const name of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    expect(r.stdout).toContain('Exit status: 0 done, 1 failed while running, 2 bad input');
  });

  it.each([
    '--workers',
    '--max-memory',
    '--seed',
    '--years',
    '--set',
    '--quiet',
    '--force',
    '--fleet-secret-file',
  ])(
    '%s, taken by several commands, is declared once: the same flags, help and reading everywhere',
    (flag) => {
      const declared = settleProgram().commands.flatMap((c) => c.options.filter((o) => o.long === flag));
      expect(declared.length).toBeGreaterThan(1);
      expect(new Set(declared.map((o) => `${o.flags} ${o.description}`)).size).toBe(1);
      expect(new Set(declared.map((o) => String(o.parseArg))).size).toBe(1);
    },
  );
});

describe('settle: wrong options and commands are bad input (exit 2, a clear message, no stack)', () => {
  it.each([
    ['sweep', 'e.json', '--wrokers', '2'],
    ['calibration-report', '--years', '3'],
    ['list', '--quiet'],
  ])(
    'settle %s ... with an option it does not take: exit 2 naming the option and the allowed ones',
    async (...args) => {
      const dir = tempDir();
      const r = await settleInProcess([...args, '--out', `${dir}/out`]);
      const given = args.find((a) => a.startsWith('--'))!;
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`unknown option "${given}"; allowed: `);
      expect(r.stderr).toContain('--help');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it('more arguments than a command takes: exit 2, no stack', async () => {
    const r = await settleInProcess(['list', 'extra']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^settle list: too many arguments/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('settle calibration, the old name of calibration-report: exit 2 naming the new one', async () => {
    const r = await settleInProcess(['calibration', '--replications', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('settle calibration-report');
    expect(r.stdout).toBe('');
  });

  it('settle --version prints the library version, exit 0', async () => {
    const r = await settleInProcess(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
