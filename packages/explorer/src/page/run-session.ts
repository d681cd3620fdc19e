// Runs a paired comparison on a few Web Workers and gathers it replication by replication:
// whenever the next replication has finished for every scenario, the figures and the charts'
// tables are rebuilt with core's summaries (paired differences against the first scenario), so
// the 90% intervals tighten as replications accumulate. A new request cancels the one in flight;
// runs already done are kept (the reference does not change when a lever does).
import {
  DEFAULT_INTERVAL,
  ensembleTasks,
  type ModelConfig,
  pairedDifferences,
  type SummaryDocument,
  summarize,
  summaryDocument,
} from '@smart-settlement/core';
import { ontarioPlaces, resolveScenario } from '@smart-settlement/scenarios';
import { type ResultTables, resultTablesFromRows } from '@smart-settlement/viz';
import type { RunRequest, RunTables, RunTask, WorkerMessage } from './protocol.js';

/** The source of the engine's worker, inlined by the page's build (scripts/build-page.mjs). */
declare const __ENGINE_WORKER_SOURCE__: string;

/** Where a comparison stands. */
export interface RunProgress {
  /** Replications every scenario has finished (the first `done` replications). */
  done: number;
  total: number;
  /** Milliseconds since the request. */
  elapsed: number;
  finished: boolean;
  /** summary.json of the replications done, and the charts' tables (after the first replication). */
  results?: { summary: SummaryDocument; tables: ResultTables };
  error?: string;
}

/** Runs kept for reuse (about 0.1 MB each). */
const CACHE_RUNS = 400;

let workerUrl: string | undefined;
function startWorker(): Worker {
  // A page opened from file:// cannot load a worker script by URL; a Blob URL of inlined code works.
  workerUrl ??= URL.createObjectURL(new Blob([__ENGINE_WORKER_SOURCE__], { type: 'text/javascript' }));
  return new Worker(workerUrl);
}

interface Slot {
  worker: Worker;
  /** The task it is running, if any. */
  task?: RunTask & { index: number };
}

/** Runs comparisons on a pool of Web Workers, one run per task, reporting after each replication. */
export class RunSession {
  private readonly slots: Slot[] = [];
  private readonly cache = new Map<string, RunTables>();
  private ticket = 0;
  private queue: (RunTask & { index: number })[] = [];
  private current?: {
    request: RunRequest;
    configs: ModelConfig[];
    keys: string[];
    runs: (RunTables | undefined)[];
    done: number;
    started: number;
  };

  constructor(
    private readonly onProgress: (progress: RunProgress) => void,
    workers = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 4)),
  ) {
    for (let i = 0; i < workers; i++) this.slots.push(this.newSlot());
  }

  private newSlot(): Slot {
    const slot: Slot = { worker: startWorker() };
    slot.worker.onmessage = (event: MessageEvent<WorkerMessage>) => this.received(slot, event.data);
    slot.worker.onerror = (event) => {
      event.preventDefault();
      this.fail(event.message || 'the engine stopped');
    };
    return slot;
  }

  /** Starts a comparison, cancelling any in flight. The first scenario is the reference. */
  start(request: RunRequest): void {
    this.cancel();
    const ticket = this.ticket;
    const configs = request.scenarios.map((s) => resolveScenario(s).config);
    const tasks = ensembleTasks(request.scenarios.length, request.replications);
    const keys = tasks.map(
      (t) => `${JSON.stringify(request.scenarios[t.scenarioIndex])}|${request.seed}|${t.replication}`,
    );
    this.current = {
      request,
      configs,
      keys,
      runs: keys.map((k) => this.cache.get(k)),
      done: 0,
      started: performance.now(),
    };
    this.queue = tasks
      .map((t, index) => ({
        ticket,
        index,
        scenario: request.scenarios[t.scenarioIndex],
        seed: request.seed,
        replication: t.replication,
      }))
      .filter((t) => !this.current!.runs[t.index]);
    this.advance();
    for (const slot of this.slots) this.dispatch(slot);
  }

  /** Stops the comparison in flight, if any: busy workers are replaced, results so far kept. */
  cancel(): void {
    this.ticket++;
    this.queue = [];
    this.current = undefined;
    this.slots.forEach((slot, i) => {
      if (!slot.task) return;
      slot.worker.terminate();
      this.slots[i] = this.newSlot();
    });
  }

  private dispatch(slot: Slot): void {
    const task = this.queue.shift();
    slot.task = task;
    if (task)
      slot.worker.postMessage({
        ticket: task.ticket,
        scenario: task.scenario,
        seed: task.seed,
        replication: task.replication,
      } satisfies RunTask);
  }

  private received(slot: Slot, message: WorkerMessage): void {
    const task = slot.task;
    slot.task = undefined;
    const current = this.current;
    if (task && current && message.ticket === this.ticket) {
      if (message.type === 'error') {
        this.fail(message.message);
        return;
      }
      const { measures, retention, places } = message;
      const tables = { measures, retention, places };
      current.runs[task.index] = tables;
      this.remember(current.keys[task.index], tables);
      this.advance();
    }
    this.dispatch(slot);
  }

  private remember(key: string, tables: RunTables): void {
    this.cache.delete(key);
    this.cache.set(key, tables);
    if (this.cache.size > CACHE_RUNS) this.cache.delete(this.cache.keys().next().value!);
  }

  /** Reports every replication newly complete for all scenarios. */
  private advance(): void {
    const c = this.current;
    if (!c) return;
    const n = c.request.scenarios.length;
    let done = c.done;
    while (done < c.request.replications && c.runs.slice(done * n, (done + 1) * n).every(Boolean)) done++;
    if (done === c.done) return;
    c.done = done;
    const runs = c.runs.slice(0, done * n) as RunTables[];
    const results = gather(c.request, c.configs, done, runs);
    const finished = done === c.request.replications;
    this.onProgress({
      done,
      total: c.request.replications,
      elapsed: performance.now() - c.started,
      finished,
      results,
    });
    if (finished) this.current = undefined;
  }

  private fail(message: string): void {
    const c = this.current;
    this.cancel();
    this.onProgress({
      done: c?.done ?? 0,
      total: c?.request.replications ?? 0,
      elapsed: c ? performance.now() - c.started : 0,
      finished: true,
      error: message,
    });
  }
}

/**
 * summary.json and the charts' tables for the first `done` replications: the same document
 * `settle run` and `settle compare` write (viz's summaryDocument from core's summaries of the
 * same measures, core's summaryDocument).
 */
export function gather(
  request: RunRequest,
  configs: ModelConfig[],
  done: number,
  runs: readonly RunTables[],
): { summary: SummaryDocument; tables: ResultTables } {
  const order = configs.map((c) => c.name);
  const measures = runs.flatMap((r) => r.measures);
  const result = {
    summary: summarize(measures, DEFAULT_INTERVAL, order),
    paired:
      configs.length > 1 ? summarize(pairedDifferences(measures, order[0]), DEFAULT_INTERVAL, order) : [],
  };
  const summary = summaryDocument({
    configs,
    seed: request.seed,
    replications: done,
    result,
    descriptions: request.scenarios.map((s) => s.description),
    provenance: ontarioPlaces().provenance,
  });
  const tables = resultTablesFromRows(
    summary,
    runs.flatMap((r) => r.retention),
    runs.flatMap((r) => r.places),
  );
  return { summary, tables };
}
