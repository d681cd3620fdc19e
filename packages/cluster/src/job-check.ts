import type { ModelConfig } from '@smart-settlement/core';
import type { RunSpec } from '@smart-settlement/runner';
import { resolveScenario, ScenarioError } from '@smart-settlement/scenarios';
import type { Opened } from './authentication.js';
import { fleetMsg } from './messages.js';

/** The largest seed (as in the scenario schema) and replication index a job may carry. */
const MAX_SEED = 4_294_967_295;
const MAX_REPLICATION = 99_999;
const SPEC_KEYS = ['replication', 'scenario', 'seed'];
/** Longest part of a problem echoed in a message: a job's values are not worth megabytes of log. */
const MAX_PROBLEM = 300;

/**
 * Checks the spec of a job before a worker runs it: exactly { scenario, seed, replication },
 * a seed and a replication index in range, and a scenario that passes the scenario schema.
 * Returns the spec with its resolved config (for the memory budget).
 */
export function checkRunSpec(value: unknown): Opened<{ spec: RunSpec; config: ModelConfig }> {
  const bad = (problem: string): Opened<never> => ({
    ok: false,
    why: fleetMsg.jobInvalid(problem.length > MAX_PROBLEM ? `${problem.slice(0, MAX_PROBLEM)}...` : problem),
  });
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return bad('the spec is not an object { scenario, seed, replication }');
  const keys = Object.keys(value).sort();
  if (keys.join() !== SPEC_KEYS.join())
    return bad(`the spec has the fields ${keys.join(', ')}; allowed: exactly ${SPEC_KEYS.join(', ')}`);
  const spec = value as RunSpec;
  if (!Number.isInteger(spec.seed) || spec.seed < 0 || spec.seed > MAX_SEED)
    return bad(`seed: got ${JSON.stringify(spec.seed)}; allowed: an integer from 0 to ${MAX_SEED}`);
  if (!Number.isInteger(spec.replication) || spec.replication < 0 || spec.replication > MAX_REPLICATION)
    return bad(
      `replication: got ${JSON.stringify(spec.replication)}; allowed: an integer from 0 to ${MAX_REPLICATION}`,
    );
  try {
    const { config } = resolveScenario(spec.scenario);
    return { ok: true, value: { spec, config } };
  } catch (error) {
    if (error instanceof ScenarioError) return bad(`scenario: ${error.message.split('\n')[0]}`);
    return bad(`scenario: ${(error as Error).message}`);
  }
}
