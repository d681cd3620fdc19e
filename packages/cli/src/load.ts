import { existsSync, readFileSync } from 'node:fs';
import { LIBRARY, namedScenario } from '@smart-settlement/scenarios';
import { InputError, msg } from './messages.js';

/** Reads a JSON file, with errors that name the file. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(msg.unreadable(file, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(msg.badJson(file, (e as Error).message));
  }
}

/** A named scenario from the library, or a scenario file (JSON). */
export function loadScenario(nameOrFile: string): { scenario: unknown; where: string } {
  const named = namedScenario(nameOrFile);
  if (named) return { scenario: named, where: `"${nameOrFile}"` };
  if (existsSync(nameOrFile)) return { scenario: readJsonFile(nameOrFile), where: nameOrFile };
  throw new InputError(msg.unknownScenario(nameOrFile, Object.keys(LIBRARY)));
}
