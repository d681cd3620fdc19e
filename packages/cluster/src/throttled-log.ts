/**
 * Wraps a log so that the same line is written at most once per `ms`: while Redis is down,
 * every connection reports every failed retry, and one line per outage is enough.
 */
export function throttledLog(log: (line: string) => void, ms = 10_000): (line: string) => void {
  const last = new Map<string, number>();
  return (line) => {
    const now = Date.now();
    const before = last.get(line);
    if (before !== undefined && now - before < ms) return;
    if (last.size > 100) last.clear();
    last.set(line, now);
    log(line);
  };
}
