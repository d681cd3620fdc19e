/** A tiny experiment, an in-memory store and a fleet secret for the fleet tests. */
import {
  type ClusterExperiment,
  type FinishedRun,
  fleetSecret,
  type ResultSink,
} from '@smart-settlement/cluster';
import type { RunOutput, RunSpec } from '@smart-settlement/runner';
import { freezeScenario, resolveScenario, type Scenario } from '@smart-settlement/scenarios';

/** The fleet secret of the tests, as text (for SETTLE_FLEET_SECRET) and as the key. */
export const SECRET_TEXT = 'test-fleet-secret-0123456789abcdef';
export const SECRET = fleetSecret(SECRET_TEXT);

/** An experiment of `runs` replications of a small engagement scenario (a run takes milliseconds). */
export function tinyExperiment(
  runs: number,
  id = `test-${process.pid}-${Date.now()}`,
): ClusterExperiment & {
  runs: number;
} {
  const input = { name: 'tiny', policies: [{ type: 'engagement' }], years: 3, agentScale: 400 } as Scenario;
  const { scenario, config } = resolveScenario(input);
  const frozen = freezeScenario(scenario, config);
  return {
    id,
    name: 'tiny',
    runs,
    runSpec: (run: number): RunSpec => ({ scenario: frozen, seed: 11, replication: run }),
  };
}

/**
 * An in-memory ResultSink that counts every record call, so a test sees a result offered
 * twice; like the real store it keeps the first result of a run and ignores the others.
 */
export class MemoryStore implements ResultSink {
  readonly results = new Map<number, RunOutput>();
  readonly calls = new Map<number, number>();
  readonly failures: { run: number; reason: string }[] = [];
  constructor(readonly runs: number) {}
  pending(): number[] {
    return Array.from({ length: this.runs }, (_, i) => i).filter((i) => !this.results.has(i));
  }
  recordFailure(run: number, reason: string): void {
    this.failures.push({ run, reason });
  }
  record(results: readonly FinishedRun[]): void {
    for (const { run, output } of results) {
      this.calls.set(run, (this.calls.get(run) ?? 0) + 1);
      if (!this.results.has(run)) this.results.set(run, output);
    }
  }
}
