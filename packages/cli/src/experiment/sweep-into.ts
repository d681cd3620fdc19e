import { join } from 'node:path';
import {
  type ExperimentPlan,
  outputName,
  pointTableChunks,
  type ResultsStore,
  type SweepSummary,
  writeChunksAtomically,
  writeFileAtomically,
} from '@smart-settlement/runner';
import { InputError, InterruptedError, msg, RunsFailedError } from '../messages.js';
import type { Options } from '../options.js';
import { csvChunks } from '../output/csv.js';
import { print } from '../output/terminal.js';
import { progressReporter } from '../progress.js';
import { openStore, storePath } from './folder.js';
import { interruptSignal } from './interrupt.js';
import { fleetSweeper, localSweeper } from './sweepers.js';

/**
 * Runs (or resumes) the sweep of a plan into DIR/results.duckdb with progress and time left
 * on a terminal, and DIR/progress.json ({done, total}) updated after each write. Returns the
 * summary; on Ctrl-C, `stopped` is true and the store holds every run finished so far.
 */
export async function sweepInto(
  plan: ExperimentPlan,
  out: string,
  options: Options,
  command: string,
): Promise<SweepSummary> {
  if (!plan.experiment.design) throw new InputError(msg.noDesign(command));
  const quiet = options.quiet === true;
  // With --redis the runs go to the fleet (docs/CLUSTER.md); bullmq is loaded only then.
  const sweeper = (await fleetSweeper(options, command)) ?? localSweeper(options);
  const store = await openStore(plan, out);
  const interrupt = interruptSignal(quiet);
  let progress: ReturnType<typeof progressReporter> | undefined;
  try {
    const summary = await sweeper.run(plan, store, {
      signal: interrupt.signal,
      onProgress: (done, total, doneNow) => {
        // For monitoring from elsewhere (the store itself is locked while a sweep writes).
        writeFileAtomically(join(out, 'progress.json'), `${JSON.stringify({ done, total })}\n`);
        progress ??= progressReporter(
          `${command} ${plan.experiment.name}${done - doneNow > 0 ? ` (resumed at ${done - doneNow})` : ''}`,
          quiet,
        );
        // Time left from this session's pace only.
        progress.update(doneNow, total - (done - doneNow));
      },
    });
    progress?.end();
    if (!summary.stopped && summary.failed === 0) await writePoints(plan, store, out);
    return summary;
  } finally {
    interrupt.dispose();
    store.close();
    await sweeper.close();
  }
}

/**
 * DIR/points.csv: one row per design point, its parameters and each output's mean over
 * replications, written a chunk of points at a time (a design of millions of points is never
 * one table in memory).
 */
async function writePoints(plan: ExperimentPlan, store: ResultsStore, out: string): Promise<void> {
  const columns = ['point', ...plan.parameterNames, ...plan.experiment.outputs.map(outputName)];
  await writeChunksAtomically(join(out, 'points.csv'), csvChunks(pointTableChunks(plan, store), columns));
}

/**
 * Tells how a sweep ended. Stopped (Ctrl-C): an InterruptedError saying how to continue (exit
 * 130). Runs failed: a RunsFailedError (exit 1); the errors are in the store and a rerun
 * retries them.
 */
export function reportSweep(summary: SweepSummary, out: string, command: string, started: number): void {
  if (summary.stopped)
    throw new InterruptedError(
      msg.sweepStopped(command, summary.alreadyDone + summary.recorded, summary.total, storePath(out)),
    );
  if (summary.failed > 0) throw new RunsFailedError(msg.runsFailed(summary.failed, storePath(out)));
  print(
    msg.swept(
      command,
      summary.total,
      storePath(out),
      summary.recorded,
      summary.alreadyDone,
      (Date.now() - started) / 1000,
    ),
  );
}
