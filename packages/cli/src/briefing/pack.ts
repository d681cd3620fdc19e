import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RESULT_FILES } from '@smart-settlement/core';
import { ResultsFolder } from '@smart-settlement/runner';
import type { ResultsStage } from '../execute.js';
import { InputError, msg } from '../messages.js';

/** The files and folders the briefing pack owns inside a results folder. */
const PACK_ENTRIES = new Set<string>([RESULT_FILES.charts, RESULT_FILES.report]);

/** The Node renderers, loaded only when a command draws (they pull in vega and resvg). */
export function loadRenderers() {
  return import('@smart-settlement/viz/node');
}

/** Reads a results folder's tables, turning unreadable or malformed files into InputError. */
export async function readTables(command: string, dir: string) {
  const { readResults } = await loadRenderers();
  try {
    return readResults(dir);
  } catch (error) {
    throw new InputError(msg.notResults(command, dir, (error as Error).message));
  }
}

/**
 * The briefing stage of every results folder (`settle run`, `settle compare`): reads the
 * tables just written to the temporary folder and adds charts/ and report.html to it.
 */
export const briefingStage: ResultsStage = async (folder) => {
  const { briefingPack, readResults } = await loadRenderers();
  for (const file of await briefingPack(readResults(folder.temp))) folder.write(file.name, file.content);
};

/**
 * Redraws the briefing pack of an existing results folder from its saved tables, whole or
 * not at all: the folder is copied without its old pack into a temporary sibling, the new
 * pack written there, and the copy swapped in. Returns the number of files written.
 */
export async function rewriteBriefingPack(dir: string, scale: number | undefined): Promise<number> {
  const tables = await readTables('report', dir);
  const { briefingPack } = await loadRenderers();
  const files = await briefingPack(tables, { scale });
  const folder = ResultsFolder.open(dir, { rewrite: true });
  try {
    for (const entry of readdirSync(dir))
      if (!PACK_ENTRIES.has(entry)) cpSync(join(dir, entry), folder.path(entry), { recursive: true });
    for (const file of files) folder.write(file.name, file.content);
    folder.commit();
  } catch (error) {
    folder.abort();
    throw error;
  }
  return files.length;
}
