import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { fleetMsg } from './messages.js';

/**
 * The text of a small file (a secret, a password), read without ever holding more than
 * `maxBytes` + 1 bytes: a path to /dev/zero or to a huge file is refused, not read whole.
 * Throws an Error whose message says why (for the caller to wrap with the option's name).
 */
export function readSmallFile(file: string, maxBytes: number): string {
  const fd = openSync(file, 'r');
  try {
    if (!fstatSync(fd).isFile()) throw new Error(fleetMsg.fileNotRegular);
    const buffer = Buffer.alloc(maxBytes + 1);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    if (length > maxBytes) throw new Error(fleetMsg.fileTooLarge(maxBytes));
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
