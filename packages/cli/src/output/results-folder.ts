import { appendFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * A results folder written whole or not at all: files go into a temporary sibling folder,
 * which replaces the target only on `commit()`. Tables can be appended as runs finish, so a
 * large ensemble never holds every row in memory.
 * @example
 * const folder = ResultsFolder.open('out');
 * try { folder.write('summary.json', text); folder.commit(); } catch (e) { folder.abort(); throw e; }
 */
export class ResultsFolder {
  private constructor(
    /** The folder the results end up in. */
    readonly target: string,
    /** The temporary folder being filled; readable by later stages before commit. */
    readonly temp: string,
  ) {}

  static open(out: string): ResultsFolder {
    const target = resolve(out);
    mkdirSync(dirname(target), { recursive: true });
    const temp = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
    rmSync(temp, { recursive: true, force: true });
    mkdirSync(temp, { recursive: true });
    return new ResultsFolder(target, temp);
  }

  /** Path of a file inside the temporary folder. */
  path(name: string): string {
    return join(this.temp, name);
  }

  write(name: string, content: string | Uint8Array): void {
    const path = this.path(name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }

  append(name: string, content: string): void {
    appendFileSync(this.path(name), content);
  }

  /** Replaces the target folder with the finished one. */
  commit(): void {
    rmSync(this.target, { recursive: true, force: true });
    renameSync(this.temp, this.target);
  }

  /** Drops the partial folder, leaving any earlier target untouched. */
  abort(): void {
    rmSync(this.temp, { recursive: true, force: true });
  }
}

/** Writes a whole results folder from files in memory (small folders). */
export function writeFolderAtomically(out: string, files: Map<string, string | Uint8Array>): void {
  const folder = ResultsFolder.open(out);
  try {
    for (const [name, content] of files) folder.write(name, content);
    folder.commit();
  } catch (error) {
    folder.abort();
    throw error;
  }
}
