import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { parse, resolve, sep } from 'node:path';
import { RESULT_FILES } from '@smart-settlement/core';
import { OutputFolderError, unwritable } from './folder-error.js';

/** A kind of folder settle writes whole, with the entries it may hold. */
export interface FolderKind {
  /** What the folder is called in messages ("results folder", "export folder"). */
  name: string;
  /** Every top-level entry this kind of folder may hold, besides the marker. */
  entries: readonly string[];
  /** Recognises a folder of this kind written before the marker existed (replaced only with --force). */
  earlier?: (dir: string) => boolean;
}

/**
 * The marker file settle writes into every folder it writes whole. A folder is replaced only
 * if it holds this marker (or, with --force, is an earlier settle folder) and nothing else
 * than the entries of its kind.
 */
export const MARKER_FILE = '.settle-folder';

/** The marker's content: the same bytes for every folder of a kind, so outputs stay byte-identical. */
export function markerContent(kind: FolderKind): string {
  return `${JSON.stringify({ writtenBy: 'settle', kind: kind.name })}\n`;
}

/** A results folder of `settle run` and `settle compare` (tables, summary, manifest, briefing pack). */
export const RESULTS_FOLDER: FolderKind = {
  name: 'results folder',
  entries: Object.values(RESULT_FILES),
  earlier: (dir) => {
    try {
      const manifest = JSON.parse(readFileSync(resolve(dir, RESULT_FILES.manifest), 'utf8'));
      return manifest?.kind === 'smart-settlement-results';
    } catch {
      return false;
    }
  },
};

const EXPORT_TABLES = ['runs', 'measures', 'retention', 'places', 'outputs'];

/**
 * An export folder of `settle export` (the store's tables as Parquet or CSV files). Table
 * names alone do not prove settle wrote a folder (a user's own runs.csv), so an export
 * folder is recognised by its marker only.
 */
export const EXPORT_FOLDER: FolderKind = {
  name: 'export folder',
  entries: EXPORT_TABLES.flatMap((t) => [`${t}.parquet`, `${t}.csv`]),
};

const KINDS = [RESULTS_FOLDER, EXPORT_FOLDER];

/** What may happen to a target: it is new (absent or empty), or a folder settle wrote that may be replaced. */
export type TargetState = 'new' | 'replace';

/**
 * The overwrite rule, checked before anything is written: a command writes a new folder
 * (absent or empty), or replaces a folder of its kind that it wrote itself (marker file, and
 * no entry beyond those of its kind); with `force`, also an earlier settle folder (an older
 * version's, or another kind's) that holds nothing else. Never a file, a symbolic link, the
 * current folder, a parent of it, or the home folder. Anything else is an OutputFolderError.
 */
export function checkTarget(out: string, kind: FolderKind, options: { force?: boolean } = {}): TargetState {
  const target = resolve(out);
  refuseProtected(out);
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'new';
    throw unwritable(out, error);
  }
  if (stat.isSymbolicLink())
    throw new OutputFolderError(
      `settle: ${out} is a symbolic link; settle writes only real folders; nothing was written; choose another folder`,
    );
  if (!stat.isDirectory())
    throw new OutputFolderError(
      `settle: ${out} is a file, not a ${kind.name}; settle never replaces it; nothing was written; choose another folder`,
    );
  let entries: string[];
  try {
    entries = readdirSync(target);
  } catch (error) {
    throw unwritable(out, error);
  }
  if (entries.length === 0) return 'new';
  const marker = readMarker(target);
  const own = marker === kind.name ? kind : undefined;
  const other = KINDS.find((k) => k.name === marker) ?? KINDS.find((k) => k.earlier?.(target));
  const allowed = new Set([MARKER_FILE, ...(own ?? other ?? kind).entries]);
  const foreign = entries.filter((e) => !allowed.has(e)).sort();
  if (foreign.length > 0 || (!own && !other))
    throw new OutputFolderError(
      `settle: ${out} holds files settle did not write (${listed(foreign.length > 0 ? foreign : entries.sort())}); settle replaces only a ${kind.name} it wrote itself; nothing was written; choose a new folder`,
    );
  if (own) return 'replace';
  if (options.force) return 'replace';
  throw new OutputFolderError(
    `settle: ${out} is an earlier ${other!.name} of settle${marker ? '' : ' (written before folders were marked)'}; add --force to replace it, or choose a new folder`,
  );
}

/**
 * Refuses (OutputFolderError) the current folder, its parents, the home folder and the root:
 * never replaced, even with --force.
 */
export function refuseProtected(out: string): void {
  const target = resolve(out);
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const cwd = real(process.cwd());
  const full = existsSync(target) ? real(target) : target;
  const within = (inner: string, outer: string) =>
    inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
  let what: string | undefined;
  if (full === cwd) what = 'the current folder';
  else if (within(cwd, full)) what = 'a parent of the current folder';
  else if (full === real(homedir())) what = 'your home folder';
  else if (full === parse(full).root) what = 'the root folder';
  if (what)
    throw new OutputFolderError(
      `settle: ${out} is ${what}; settle never writes over it (not even with --force); nothing was written; choose a new folder, e.g. ${out === '.' ? 'results' : `${out.replace(/[/\\]+$/, '')}/results`}`,
    );
}

/** The kind named by a folder's marker, or undefined. */
function readMarker(dir: string): string | undefined {
  try {
    const marker = JSON.parse(readFileSync(resolve(dir, MARKER_FILE), 'utf8'));
    return marker?.writtenBy === 'settle' && typeof marker.kind === 'string' ? marker.kind : undefined;
  } catch {
    return undefined;
  }
}

/** A few names, quoted, then how many more. */
function listed(names: string[]): string {
  const shown = names.slice(0, 5).map((n) => JSON.stringify(n.length > 60 ? `${n.slice(0, 60)}…` : n));
  return names.length > 5 ? `${shown.join(', ')} and ${names.length - 5} more` : shown.join(', ');
}
