import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every text a user sees lives in packages/cli/src/messages.ts (as vega-lite's log/message.ts):
// commands print through output/terminal.ts and throw errors whose text comes from `msg`.

const CLI = resolve(import.meta.dirname, '../../packages/cli/src');

/** Every TypeScript file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Writes to the terminal that bypass messages.ts's texts. */
const DIRECT_OUTPUT = /\bconsole\.\w+\(|process\.(stdout|stderr)\.write\(/g;
/** An error built from text written on the spot: `new XError('...')` or new XError(`...`), over lines too. */
const INLINE_ERROR = /new\s+\w*Error\(\s*['"`]/g;
/** A line printed from text written on the spot: print('...'), printError(`...`). */
const INLINE_PRINT = /\bprint(Error)?\(\s*['"`]/g;

/** Where a source text shows text written outside messages.ts, as "line: code". */
function inlineIn(text: string, patterns: RegExp[]): string[] {
  return patterns.flatMap((p) =>
    [...text.matchAll(p)].map((m) => {
      const line = text.slice(0, m.index).split('\n').length;
      return `${line}: ${text.split('\n')[line - 1].trim()}`;
    }),
  );
}

/** The same for a file, each place prefixed with the file's path. */
function inlineText(file: string, patterns: RegExp[]): string[] {
  return inlineIn(readFileSync(file, 'utf8'), patterns).map((place) => `${relative(CLI, file)}:${place}`);
}

describe("the CLI's user-visible text lives in messages.ts", () => {
  it('commands/*.ts write nothing to the terminal directly and build no error or printed line from inline text', () => {
    const offenders = sources(join(CLI, 'commands')).flatMap((f) =>
      inlineText(f, [DIRECT_OUTPUT, INLINE_ERROR, INLINE_PRINT]),
    );
    expect(offenders).toEqual([]);
  });

  it('no source file of the CLI outside messages.ts builds an error from inline text', () => {
    const offenders = sources(CLI)
      .filter((f) => !f.endsWith('messages.ts'))
      .flatMap((f) => inlineText(f, [INLINE_ERROR]));
    expect(offenders).toEqual([]);
  });

  it('the checks recognise inline text (so they can fail)', () => {
    const found = (code: string, p: RegExp) => inlineIn(code, [p]).length;
    expect(found("  console.log('Wrote the file');", DIRECT_OUTPUT)).toBe(1);
    expect(found("process.stderr.write('\\nsettle: stopping')", DIRECT_OUTPUT)).toBe(1);
    expect(found("throw new InputError('settle export: name an experiment folder')", INLINE_ERROR)).toBe(1);
    expect(found('    throw new Error(`runs failed`);', INLINE_ERROR)).toBe(1);
    expect(
      found("throw new InputError(\n      'settle calibrate: calibration: got nothing',\n);", INLINE_ERROR),
    ).toBe(1);
    expect(found('print(`calibrate: done`)', INLINE_PRINT)).toBe(1);
    expect(found('throw new InputError(msg.needOut);', INLINE_ERROR)).toBe(0);
    expect(found('throw new InputError(\n  msg.badTargets(why),\n);', INLINE_ERROR)).toBe(0);
    expect(found('print(msg.wroteFile(out));', DIRECT_OUTPUT)).toBe(0);
  });
});
