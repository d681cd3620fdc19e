import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, FAST, folderFiles, type SettleResult, settleInProcess, tempDir } from '../helpers/cli.js';

// The overwrite rule of every folder settle writes (README, "results folder"): a new folder,
// or one settle wrote itself; anything else is refused with exit 2 and nothing touched.
// Real files in temporary folders; most runs in process, the ones that need another current
// or home folder as the built command.

const RUN = ['run', 'baseline', ...FAST, '--workers', '0', '--quiet'];

/** The built command in `cwd`, with HOME set (the home-folder case). */
function settleIn(cwd: string, args: string[], home = process.env.HOME): SettleResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, HOME: home, FORCE_COLOR: '0' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under a folder with its bytes, to show that a refused command touched nothing. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries([...folderFiles(dir)].map(([name, bytes]) => [name, bytes.toString('base64')]));
}

/** A refused command: exit 2, a message matching `message`, no stack trace. */
function expectRefused(r: SettleResult, message: RegExp): void {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

/** The id of a process that has exited (for stale partial folders and locks). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid as number;
}

describe('settle run/compare --out: a new folder, or one settle wrote itself', () => {
  it('--out DIR holding the user’s own files: exit 2, every file left as it was, nothing else written', async () => {
    const dir = tempDir();
    const mine = join(dir, 'thesis');
    mkdirSync(join(mine, 'chapters'), { recursive: true });
    writeFileSync(join(mine, 'notes.txt'), 'my notes');
    writeFileSync(join(mine, 'chapters', 'one.md'), '# one');
    const before = snapshot(dir);
    const r = await settleInProcess([...RUN, '--out', mine]);
    expectRefused(r, /thesis holds files settle did not write \("chapters", "notes\.txt"\)/);
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['thesis']);
  });

  it('--force never replaces a folder of other files', async () => {
    const dir = tempDir();
    const mine = join(dir, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'summary.json'), '{"mine": true}');
    writeFileSync(join(mine, 'budget.xlsx'), 'numbers');
    const r = await settleInProcess([...RUN, '--force', '--out', mine]);
    expectRefused(r, /holds files settle did not write \("budget\.xlsx"\)/);
    expect(readFileSync(join(mine, 'summary.json'), 'utf8')).toBe('{"mine": true}');
    expect(readdirSync(dir)).toEqual(['mine']);
  });

  it('--out FILE (a regular file): exit 2, the file kept', async () => {
    const dir = tempDir();
    const file = join(dir, 'report.docx');
    writeFileSync(file, 'my report');
    const r = await settleInProcess([...RUN, '--force', '--out', file]);
    expectRefused(r, /report\.docx is a file, not a results folder/);
    expect(readFileSync(file, 'utf8')).toBe('my report');
    expect(readdirSync(dir)).toEqual(['report.docx']);
  });

  it('--out . (the current folder), .. (its parent) and the home folder: exit 2 even with --force, nothing touched', () => {
    const home = tempDir('settle-home-');
    const cwd = join(home, 'work');
    mkdirSync(cwd);
    writeFileSync(join(cwd, 'data.csv'), 'a,b\n');
    writeFileSync(join(home, 'diary.txt'), 'dear diary');
    const before = snapshot(home);
    for (const out of ['.', '..', home]) {
      for (const force of [[], ['--force']]) {
        const r = settleIn(cwd, [...RUN, ...force, '--out', out], home);
        expectRefused(
          r,
          /is (the current folder|a parent of the current folder|your home folder); settle never writes over it/,
        );
        expect(snapshot(home)).toEqual(before);
      }
    }
  });

  it('an empty current folder is refused too (replacing it would pull the folder from under the shell)', () => {
    const cwd = tempDir();
    const r = settleIn(cwd, [...RUN, '--out', '.']);
    expectRefused(r, /is the current folder/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('its own results folder is replaced by a rerun; one where the user added a file is refused', async () => {
    const dir = tempDir();
    const out = join(dir, 'results');
    expect((await settleInProcess([...RUN, '--out', out])).status).toBe(0);
    expect(readdirSync(out)).toContain('.settle-folder');
    expect((await settleInProcess([...RUN, '--seed', '9', '--out', out])).status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).seed).toBe(9);
    writeFileSync(join(out, 'my-analysis.R'), 'plot(x)');
    const r = await settleInProcess([...RUN, '--out', out]);
    expectRefused(r, /holds files settle did not write \("my-analysis\.R"\)/);
    expect(readFileSync(join(out, 'my-analysis.R'), 'utf8')).toBe('plot(x)');
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).seed).toBe(9);
  });

  it('an earlier results folder without the marker: refused, replaced with --force', async () => {
    const dir = tempDir();
    const out = join(dir, 'old');
    mkdirSync(out);
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ kind: 'smart-settlement-results' }));
    writeFileSync(join(out, 'summary.json'), '{}');
    expectRefused(
      await settleInProcess([...RUN, '--out', out]),
      /earlier results folder of settle.*add --force/,
    );
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'summary.json']);
    const forced = await settleInProcess([...RUN, '--force', '--out', out]);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readdirSync(out)).toContain('retention.csv');
  });

  it('an unwritable --out: exit 2 with a clear message, no stack trace', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plain-file'), 'x');
    const r = await settleInProcess([...RUN, '--out', join(dir, 'plain-file', 'results')]);
    expectRefused(
      r,
      /cannot write .*plain-file\/results: a part of the path is a file, not a folder \(ENOTDIR\)/,
    );
    expect(readdirSync(dir)).toEqual(['plain-file']);
    const proc = await settleInProcess([...RUN, '--out', '/proc/settle-results']);
    expectRefused(proc, /cannot write \/proc\/settle-results: /);
  });
});

describe('settle run --from without --out', () => {
  it('asks for --out instead of writing over the folder the manifest sits in, or over the manifest file', async () => {
    const dir = tempDir();
    const out = join(dir, 'results');
    expect((await settleInProcess([...RUN, '--out', out])).status).toBe(0);
    writeFileSync(join(out, '..', 'my-run.json'), readFileSync(join(out, 'manifest.json')));
    const before = snapshot(dir);
    for (const manifest of [join(out, 'manifest.json'), join(dir, 'my-run.json')]) {
      const r = await settleInProcess(['run', '--from', manifest, '--workers', '0', '--quiet']);
      expectRefused(r, /--out DIR is required .*e\.g\. --out /);
      expect(snapshot(dir)).toEqual(before);
    }
  });
});

describe('partial folders and locks', () => {
  it('a .NAME.partial-PID folder left by a killed run (its process gone) is removed by the next run into the same place; a live one is kept', async () => {
    const dir = tempDir();
    const stale = join(dir, `.results.partial-${deadPid()}`);
    const live = join(dir, `.results.partial-${process.ppid}`);
    const other = join(dir, `.other.partial-${deadPid()}`);
    for (const d of [stale, live, other]) {
      mkdirSync(d);
      writeFileSync(join(d, 'retention.csv'), 'half a table');
    }
    const r = await settleInProcess([...RUN, '--out', join(dir, 'results')]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(
      ['.other.partial-' + other.split('-').at(-1), `.results.partial-${process.ppid}`, 'results'].sort(),
    );
    expect(existsSync(stale)).toBe(false);
  });

  it('a second command into the same --out while the first writes is refused (exit 2); the first finishes', async () => {
    const dir = tempDir();
    const out = join(dir, 'results');
    const first = settleInProcess([...RUN, '--out', out]);
    const second = settleInProcess([...RUN, '--seed', '5', '--out', out]);
    const [a, b] = await Promise.all([first, second]);
    expect(a.status, a.stderr).toBe(0);
    expectRefused(b, /results is being written by another settle command \(process \d+\)/);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).seed).not.toBe(5);
    expect(readdirSync(dir)).toEqual(['results']);
  });

  it('a lock held by another live process refuses the run; a lock left by a dead one is taken over', async () => {
    const dir = tempDir();
    const out = join(dir, 'results');
    writeFileSync(join(dir, '.results.lock'), `${process.ppid}\n`);
    expectRefused(await settleInProcess([...RUN, '--out', out]), /being written by another settle command/);
    expect(existsSync(out)).toBe(false);
    writeFileSync(join(dir, '.results.lock'), `${deadPid()}\n`);
    const r = await settleInProcess([...RUN, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual(['results']);
  });
});

describe('settle export --out and experiment folders follow the same rule', () => {
  const work = tempDir('settle-export-');
  const experiment = join(work, 'experiment.json');
  const sweepDir = join(work, 'sweep');
  beforeAll(async () => {
    writeFileSync(
      experiment,
      JSON.stringify({
        name: 'folders',
        scenario: 'dispersion',
        set: ['years=3', 'agentScale=500'],
        parameters: [{ path: 'dispersion.reach', name: 'reach', min: 0.05, max: 0.2 }],
        design: { type: 'factorial', levels: 2 },
        replications: 1,
        outputs: [{ measure: 'retention1' }],
      }),
    );
    const r = await settleInProcess(['sweep', experiment, '--out', sweepDir, '--workers', '0', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
  });

  it('export --out DIR of the user’s files: exit 2, untouched; its own export folder is replaced', async () => {
    const mine = join(work, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'runs.csv'), 'my own runs');
    const r = await settleInProcess(['export', sweepDir, '--format', 'csv', '--out', mine]);
    expectRefused(r, /mine holds files settle did not write \("runs\.csv"\)/);
    expect(readdirSync(mine)).toEqual(['runs.csv']);
    expect(readFileSync(join(mine, 'runs.csv'), 'utf8')).toBe('my own runs');
    const out = join(work, 'export');
    expect((await settleInProcess(['export', sweepDir, '--format', 'csv', '--out', out])).status).toBe(0);
    const again = await settleInProcess(['export', sweepDir, '--format', 'parquet', '--out', out]);
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(out)).toContain('runs.parquet');
    expect(readdirSync(out)).not.toContain('runs.csv');
  });

  it('export --out into a results folder of settle run needs --force; a file is refused', async () => {
    const results = join(work, 'results');
    expect((await settleInProcess([...RUN, '--out', results])).status).toBe(0);
    const r = await settleInProcess(['export', sweepDir, '--out', results]);
    expectRefused(r, /earlier results folder of settle; add --force/);
    expect(readdirSync(results)).toContain('summary.json');
    const file = join(work, 'notes.txt');
    writeFileSync(file, 'keep');
    expectRefused(await settleInProcess(['export', sweepDir, '--force', '--out', file]), /is a file/);
    expect(readFileSync(file, 'utf8')).toBe('keep');
  });

  it('sweep --out a folder of other files: exit 2, nothing added to it', async () => {
    const mine = join(work, 'photos');
    mkdirSync(mine);
    writeFileSync(join(mine, 'cat.jpg'), 'meow');
    const r = await settleInProcess(['sweep', experiment, '--out', mine, '--workers', '0', '--quiet']);
    expectRefused(r, /photos holds files settle did not write/);
    expect(readdirSync(mine)).toEqual(['cat.jpg']);
  });
});

describe('one helper writes every folder and file', () => {
  it('no command removes or renames files itself: only packages/runner/src/output does', () => {
    const offenders: string[] = [];
    const root = join(import.meta.dirname, '../../packages');
    for (const pkg of readdirSync(root)) {
      const src = join(root, pkg, 'src');
      if (!existsSync(src)) continue;
      for (const file of readdirSync(src, { recursive: true }) as string[]) {
        if (!file.endsWith('.ts') || (pkg === 'runner' && file.startsWith('output'))) continue;
        const text = readFileSync(join(src, file), 'utf8');
        if (/\b(renameSync|rmSync|rename|rm)\(/.test(text)) offenders.push(`${pkg}/src/${file}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
