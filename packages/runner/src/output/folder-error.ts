/**
 * A results folder or file that settle must not write (it holds the user's own files, it is
 * the current or home directory, another settle is writing it) or cannot write (permission,
 * read-only disk). The command line prints the message alone and exits 2: nothing is touched.
 */
export class OutputFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputFolderError';
  }
}

/** Filesystem error codes that mean "this place cannot be written", said in words. */
const WHY: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the name is too long',
  ENOENT: 'a part of the path does not exist',
  EISDIR: 'it is a folder',
  EEXIST: 'something else is in the way',
};

/**
 * Turns a filesystem error met while preparing `path` into an OutputFolderError with a clear
 * message (no stack trace); other errors are returned unchanged.
 */
export function unwritable(path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined || !Object.hasOwn(WHY, code)) return error;
  return new OutputFolderError(`settle: cannot write ${path}: ${WHY[code]} (${code}); choose another --out`);
}
