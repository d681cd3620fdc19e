import {
  appendFileSync,
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { OutputFolderError, unwritable } from './folder-error.js';
import { lockFolder, removeStalePartials } from './folder-lock.js';
import {
  checkTarget,
  type FolderKind,
  MARKER_FILE,
  markerContent,
  RESULTS_FOLDER,
  refuseProtected,
} from './folder-rule.js';

/** Options of {@link ResultsFolder.open}. */
export interface ResultsFolderOptions {
  /** The kind of folder (default: a results folder of run and compare). */
  kind?: FolderKind;
  /** Also replace an earlier settle folder (never one with other files, never the current or home folder). */
  force?: boolean;
  /**
   * The folder is rewritten from itself (`settle report`: every entry is copied over): only
   * the current, parent and home folders are refused, and the lock taken.
   */
  rewrite?: boolean;
}

/**
 * A folder written whole or not at all, under the overwrite rule of {@link checkTarget}: files
 * go into a temporary sibling `.NAME.partial-PID`, which replaces the target only on
 * `commit()`. Tables can be appended as runs finish, so a large ensemble never holds every row
 * in memory. A lock `.NAME.lock` keeps a second settle command out while this one writes, and
 * partial folders left by killed commands are removed when the next one opens the same place.
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
    private readonly out: string,
    private readonly options: ResultsFolderOptions,
    private readonly release: () => void,
  ) {}

  /**
   * Checks the target against the overwrite rule, takes the lock and makes the temporary
   * folder. Throws OutputFolderError (touching nothing) if the target may not or cannot be written.
   */
  static open(out: string, options: ResultsFolderOptions = {}): ResultsFolder {
    const kind = options.kind ?? RESULTS_FOLDER;
    const target = resolve(out);
    const parent = dirname(target);
    const name = basename(target);
    if (options.rewrite) refuseProtected(out);
    else checkTarget(out, kind, options);
    try {
      mkdirSync(parent, { recursive: true });
    } catch (error) {
      throw unwritable(out, error);
    }
    let release: () => void;
    try {
      release = lockFolder(parent, name, out);
    } catch (error) {
      throw unwritable(out, error);
    }
    const temp = join(parent, `.${name}.partial-${process.pid}`);
    try {
      removeStalePartials(parent, name);
      mkdirSync(temp, { recursive: true });
    } catch (error) {
      release();
      throw unwritable(out, error);
    }
    return new ResultsFolder(target, temp, out, options, release);
  }

  /** Path of a file inside the temporary folder. */
  path(name: string): string {
    return join(this.temp, name);
  }

  /** Writes a file into the temporary folder (making its subfolders). */
  write(name: string, content: string | Uint8Array): void {
    const path = this.path(name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }

  /** Appends to a file of the temporary folder. */
  append(name: string, content: string): void {
    appendFileSync(this.path(name), content);
  }

  /**
   * Replaces the target with the finished folder, checking the rule again (the user may have
   * put files there while the command ran), and adds the marker (not to a rewritten folder). The old folder is moved
   * aside before the new one takes its name, then removed.
   */
  commit(): void {
    const kind = this.options.kind ?? RESULTS_FOLDER;
    try {
      const state = this.options.rewrite
        ? 'replace'
        : checkTarget(this.out, kind, { force: this.options.force });
      // A rewritten folder keeps the marker it had (copied with the rest), and gets none otherwise.
      if (!this.options.rewrite) writeFileSync(join(this.temp, MARKER_FILE), markerContent(kind));
      const old = join(dirname(this.target), `.${basename(this.target)}.old-${process.pid}`);
      // rename(2) also takes the place of an empty folder; a folder with files is moved aside first.
      if (state === 'replace') {
        rmSync(old, { recursive: true, force: true });
        renameSync(this.target, old);
        renameSync(this.temp, this.target);
        rmSync(old, { recursive: true, force: true });
      } else {
        renameSync(this.temp, this.target);
      }
    } catch (error) {
      this.abort();
      throw error instanceof OutputFolderError ? error : unwritable(this.out, error);
    }
    this.release();
  }

  /** Drops the partial folder, leaving any earlier target untouched, and releases the lock. */
  abort(): void {
    rmSync(this.temp, { recursive: true, force: true });
    this.release();
  }
}

/** Writes a whole results folder from files in memory (small folders). */
export function writeFolderAtomically(
  out: string,
  files: Map<string, string | Uint8Array>,
  options: ResultsFolderOptions = {},
): void {
  const folder = ResultsFolder.open(out, options);
  try {
    for (const [name, content] of files) folder.write(name, content);
    folder.commit();
  } catch (error) {
    folder.abort();
    throw error;
  }
}

/**
 * Writes one file whole (a temporary sibling `.NAME.partial-PID`, then rename): a reader never
 * sees half a file. A folder in the way is refused (OutputFolderError), not replaced.
 */
export function writeFileAtomically(path: string, content: string | Uint8Array): void {
  const { target, temp } = atomicPaths(path);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(temp, content);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw unwritable(path, error);
  }
}

/**
 * The same as {@link writeFileAtomically} for content that comes in chunks (a table of
 * millions of rows): each chunk is written as it comes and none is kept, and the file appears
 * whole or, if a chunk fails, not at all.
 * @example await writeChunksAtomically('out/points.csv', csvChunks(rows, columns));
 */
export async function writeChunksAtomically(
  path: string,
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
): Promise<void> {
  const { target, temp } = atomicPaths(path);
  try {
    mkdirSync(dirname(target), { recursive: true });
    const fd = openSync(temp, 'w');
    try {
      for await (const chunk of chunks) writeAll(fd, typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw unwritable(path, error);
  }
}

/** Writes all of `bytes` (a write may take only part of them). */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
}

/** The target of an atomic write (refusing a folder in the way) and its temporary sibling. */
function atomicPaths(path: string): { target: string; temp: string } {
  const target = resolve(path);
  try {
    if (lstatSync(target).isDirectory())
      throw new OutputFolderError(
        `settle: ${path} is a folder; settle writes a file there only in its place`,
      );
  } catch (error) {
    if (error instanceof OutputFolderError) throw error;
  }
  return { target, temp: join(dirname(target), `.${basename(target)}.partial-${process.pid}`) };
}
