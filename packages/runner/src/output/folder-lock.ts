import { closeSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { OutputFolderError } from './folder-error.js';

/** True if a process with this id is running (signal 0 only checks; EPERM means it exists). */
export function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock `.NAME.lock` next to a folder, so that two settle commands never write the
 * same folder at once: the second one is refused. A lock left by a process that is gone
 * (kill -9) is taken over. Returns the function that releases it.
 */
export function lockFolder(parent: string, name: string, shown: string): () => void {
  const path = join(parent, `.${name}.lock`);
  if (heldHere.has(path)) throw busy(shown, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      heldHere.add(path);
      let held = true;
      return () => {
        if (!held) return; // idempotent: commit and a later abort may both release
        held = false;
        heldHere.delete(path);
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(safeRead(path), 10);
      if (processAlive(holder) && holder !== process.pid) throw busy(shown, holder);
      rmSync(path, { force: true });
    }
  }
  throw new OutputFolderError(`settle: ${shown}: could not take the lock ${path}; try again`);
}

/** Locks taken by this process (commands run in process, as the tests do, share one pid). */
const heldHere = new Set<string>();

function busy(shown: string, holder: number): OutputFolderError {
  return new OutputFolderError(
    `settle: ${shown} is being written by another settle command (process ${holder}); wait for it to finish or choose another --out`,
  );
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Removes the temporary folders `.NAME.partial-PID` (and `.NAME.old-PID`) that a settle
 * command killed before it finished left next to a folder: those whose process is gone.
 * Call it while holding the folder's lock.
 */
export function removeStalePartials(parent: string, name: string): void {
  const prefixes = [`.${name}.partial-`, `.${name}.old-`];
  for (const entry of readdirSync(parent)) {
    const prefix = prefixes.find((p) => entry.startsWith(p));
    if (!prefix) continue;
    const pid = entry.slice(prefix.length);
    // Our own process holds the lock now: its leftovers (an earlier command in the same process) are stale too.
    if (!/^\d+$/.test(pid) || (processAlive(Number(pid)) && Number(pid) !== process.pid)) continue;
    rmSync(join(parent, entry), { recursive: true, force: true });
  }
}
