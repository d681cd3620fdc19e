import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHART_INPUT_FILES } from '@smart-settlement/core';
import { InputError, msg } from '../messages.js';

/** Checks that `dir` is a results folder with the tables the charts read; throws InputError naming what is missing. */
export function checkResultsDir(command: string, dir: string | undefined): string {
  if (!dir) throw new InputError(msg.needResults(command));
  if (!existsSync(dir)) throw new InputError(msg.notResults(command, dir, 'no such folder'));
  if (!statSync(dir).isDirectory()) throw new InputError(msg.notResults(command, dir, 'it is a file'));
  const missing = CHART_INPUT_FILES.filter((f) => !existsSync(join(dir, f)));
  if (missing.length) throw new InputError(msg.notResults(command, dir, `missing ${missing.join(', ')}`));
  return dir;
}
