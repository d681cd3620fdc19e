/** Options of {@link orderedRuns}. */
export interface OrderedRunsOptions {
  /** Runs started but not yet handed on, at most (bounds memory); default 2. */
  window?: number;
  /** Called as each run finishes, in completion order, with (done, total). */
  onRun?: (done: number, total: number) => void;
}

/**
 * Runs tasks with at most `window` in flight and yields their outputs in the order of
 * `tasks`, whatever order they finish in: results gathered this way are identical for any
 * number of workers, and at most `window` outputs are held at once. A failed run is reported
 * when its turn comes.
 * @example
 * for await (const output of orderedRuns(specs, (spec) => pool.run(spec), { window: 4 })) write(output);
 */
export async function* orderedRuns<T, O>(
  tasks: readonly T[],
  run: (task: T) => O | Promise<O>,
  options: OrderedRunsOptions = {},
): AsyncGenerator<O> {
  const window = Math.max(1, options.window ?? 2);
  const pending: Promise<O>[] = [];
  let started = 0;
  let done = 0;
  const start = () => {
    const task = tasks[started++];
    const promise = (async () => run(task))().then((output) => {
      done += 1;
      options.onRun?.(done, tasks.length);
      return output;
    });
    // A failure is reported when its turn comes; until then, do not let it go unhandled.
    promise.catch(() => {});
    pending.push(promise);
  };
  while (started < tasks.length && pending.length < window) start();
  while (pending.length > 0) {
    const output = await pending.shift()!;
    if (started < tasks.length) start();
    yield output;
  }
}
