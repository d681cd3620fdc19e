import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Writes a results folder whole or not at all: every file goes into a temporary sibling
 * folder, which replaces the target only once everything is written.
 */
export function writeFolderAtomically(out: string, files: Map<string, string | Uint8Array>): void {
  const target = resolve(out);
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  try {
    for (const [name, content] of files) {
      const path = join(temp, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    rmSync(target, { recursive: true, force: true });
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}
