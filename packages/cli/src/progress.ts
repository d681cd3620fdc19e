/**
 * Progress on a terminal: runs done, runs left and time left, redrawn in place on stderr.
 * Silent when stderr is not a terminal (CI, pipes) or when quiet.
 */
export function progressReporter(
  label: string,
  quiet = false,
): { update(done: number, total: number): void; end(): void } {
  const tty = !quiet && process.stderr.isTTY === true;
  const start = Date.now();
  let last = 0;
  return {
    update(done, total) {
      if (!tty) return;
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const elapsed = (now - start) / 1000;
      const left = done > 0 ? (elapsed / done) * (total - done) : Number.NaN;
      const width = 24;
      const filled = Math.round((done / total) * width);
      const bar = '#'.repeat(filled) + '.'.repeat(width - filled);
      const eta = Number.isFinite(left) ? `${left.toFixed(0)} s left` : '';
      process.stderr.write(`\r${label} [${bar}] ${done}/${total} runs, ${total - done} left ${eta}   `);
    },
    end() {
      if (tty) process.stderr.write('\n');
    },
  };
}
