// The worker-thread side of RunPool: one RunSpec in, one RunOutput out. Compiled to
// dist/pool/worker.js, which piscina loads in each thread.
import type { ModelConfig } from '@smart-settlement/core';
import { resolveScenario } from '@smart-settlement/scenarios';
import { executeRun, type RunOutput, type RunSpec } from '../run-spec.js';

// An ensemble sends the same scenario many times: resolve each one once per thread.
const configs = new Map<string, ModelConfig>();

/** Runs one spec in this worker thread. The result depends on the spec alone. */
export default function runInWorker(spec: RunSpec): RunOutput {
  const key = JSON.stringify(spec.scenario);
  let config = configs.get(key);
  if (!config) {
    if (configs.size > 64) configs.clear();
    config = resolveScenario(spec.scenario).config;
    configs.set(key, config);
  }
  return executeRun(spec, config);
}
