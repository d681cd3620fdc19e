// The engine in a Web Worker, so the page never freezes: it runs one (scenario, seed,
// replication) at a time, as the command line's workers do, and posts the run's tables back.
// The same scenario, seed and replication give the same numbers as `settle run`.
import { type ModelConfig, measuredRun, simulate } from '@smart-settlement/core';
import { resolveScenario } from '@smart-settlement/scenarios';
import type { RunTask, WorkerMessage } from './protocol.js';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<RunTask>) => void) | null;
  postMessage(message: WorkerMessage): void;
};

/** The last scenario resolved: the tasks of a request come scenario after scenario. */
let last: { key: string; config: ModelConfig } | undefined;

scope.onmessage = (event) => {
  const { ticket, scenario, seed, replication } = event.data;
  try {
    const key = JSON.stringify(scenario);
    if (last?.key !== key) last = { key, config: resolveScenario(scenario).config };
    const { config } = last;
    const run = measuredRun(simulate(config, { seed, replication }), config);
    scope.postMessage({
      type: 'run',
      ticket,
      measures: run.measures,
      retention: run.retention,
      places: run.places,
    });
  } catch (error) {
    scope.postMessage({
      type: 'error',
      ticket,
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
