import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { jsonDepthProblem, LIBRARY, MAX_JSON_DEPTH, namedScenario } from '@smart-settlement/scenarios';
import { InputError, msg } from './messages.js';

/** The largest input file settle reads (scenario, experiment, manifest): 10 MiB. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/**
 * Reads a JSON file, with errors that name the file. Only a regular file of at most
 * {@link MAX_INPUT_BYTES} is read (checked before reading: `/dev/zero` is refused at once),
 * and its lists and objects may nest at most MAX_JSON_DEPTH levels.
 */
export function readJsonFile(file: string): unknown {
  let text: string;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new InputError(msg.notAFile(file));
    if (stat.size > MAX_INPUT_BYTES) throw new InputError(msg.tooLarge(file, stat.size, MAX_INPUT_BYTES));
    // Read at most one byte past the limit: a file that grows while read is refused too.
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_INPUT_BYTES) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_INPUT_BYTES) throw new InputError(msg.tooLarge(file, length, MAX_INPUT_BYTES));
    text = buffer.toString('utf8', 0, length);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(msg.unreadable(file, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError(msg.badJson(file, (e as Error).message.slice(0, 200)));
  }
  const tooDeep = jsonDepthProblem(value);
  if (tooDeep) throw new InputError(msg.tooDeep(file, tooDeep.slice(0, 200), MAX_JSON_DEPTH));
  return value;
}

/** A named scenario from the library, or a scenario file (JSON). */
export function loadScenario(nameOrFile: string): { scenario: unknown; where: string } {
  const named = namedScenario(nameOrFile);
  if (named) return { scenario: named, where: `"${nameOrFile}"` };
  if (existsSync(nameOrFile)) return { scenario: readJsonFile(nameOrFile), where: nameOrFile };
  throw new InputError(msg.unknownScenario(nameOrFile, Object.keys(LIBRARY)));
}
