import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { fleetMsg } from './messages.js';

/**
 * The text of a small file (a secret, a password), read without ever holding more than
 * `maxBytes` + 1 bytes: a path to /dev/zero or to a huge file is refused, not read whole.
 * Throws an Error whose message says why (for the caller to wrap with the option's name).
 * With `ownerOnly`, a file that its group or others may read, write or run is refused before
 * it is read.
 */
export function readSmallFile(file: string, maxBytes: number, options: { ownerOnly?: boolean } = {}): string {
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error(fleetMsg.fileNotRegular);
    // As ssh does for a private key: a secret that others may read is no longer a secret.
    // (Windows has no such mode bits.)
    if (options.ownerOnly && process.platform !== 'win32' && (stat.mode & 0o077) !== 0)
      throw new Error(fleetMsg.fileNotOwnerOnly(file, stat.mode & 0o777));
    const buffer = Buffer.alloc(maxBytes + 1);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    if (length > maxBytes) throw new Error(fleetMsg.fileTooLarge(maxBytes));
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
