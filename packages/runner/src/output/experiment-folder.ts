import { lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { OutputFolderError, unwritable } from './folder-error.js';

/** Files that show a folder is an experiment folder of sweep, sensitivity or calibrate. */
const EXPERIMENT_SIGNS = ['results.duckdb', 'experiment.json'];

/**
 * Prepares the folder of an experiment (sweep, sensitivity, calibrate), which is written in
 * place run by run so that a rerun resumes: a new folder (absent or empty) is made; an
 * experiment folder (results.duckdb or experiment.json) is used as it is (its store refuses
 * another experiment); a file, a symbolic link or a folder of other files is refused
 * (OutputFolderError), and so is a place that cannot be written. Nothing is ever deleted.
 */
export function prepareExperimentFolder(out: string): void {
  const target = resolve(out);
  let entries: string[] | undefined;
  try {
    const stat = lstatSync(target);
    if (stat.isSymbolicLink() || !stat.isDirectory())
      throw new OutputFolderError(
        `settle: ${out} is ${stat.isSymbolicLink() ? 'a symbolic link' : 'a file'}, not an experiment folder; nothing was written; choose another --out`,
      );
    entries = readdirSync(target);
  } catch (error) {
    if (error instanceof OutputFolderError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw unwritable(out, error);
  }
  if (entries && entries.length > 0 && !EXPERIMENT_SIGNS.some((f) => entries.includes(f)))
    throw new OutputFolderError(
      `settle: ${out} holds files settle did not write (${entries.length} entries, no results.duckdb); an experiment goes into a new folder or its own earlier folder (to resume); nothing was written; choose a new folder`,
    );
  try {
    mkdirSync(target, { recursive: true });
  } catch (error) {
    throw unwritable(out, error);
  }
}
