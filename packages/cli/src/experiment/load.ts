import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  checkExperimentBudget,
  defaultWorkers,
  ExperimentError,
  ExperimentPlan,
} from '@smart-settlement/runner';
import { validateScenario } from '@smart-settlement/scenarios';
import { readJsonFile } from '../load.js';
import { memoryBudget } from '../memory-budget.js';
import { InputError, msg } from '../messages.js';
import type { Options } from '../options.js';

/**
 * Reads and plans an experiment file. A `scenario` that is not a named scenario but a path
 * (relative to the experiment file) is read as a scenario file. Bad input is an InputError
 * naming every wrong field (exit 2, nothing written), and so is an experiment above the memory
 * budget (--max-memory) with --workers threads.
 */
export function loadExperiment(file: string | undefined, command: string, options: Options): ExperimentPlan {
  if (!file) throw new InputError(msg.needExperiment(command));
  const input = readJsonFile(file) as Record<string, unknown>;
  if (typeof input === 'object' && input !== null && typeof input.scenario === 'string') {
    const path = resolve(dirname(file), input.scenario);
    if (/\.json$/i.test(input.scenario) && existsSync(path)) {
      // Only a scenario file is taken, and another file's contents are never echoed.
      const scenario = readJsonFile(path);
      const checked = validateScenario(scenario);
      if (!checked.ok)
        throw new InputError(msg.notScenarioFile(command, file, input.scenario, checked.problems.length));
      input.scenario = scenario;
    }
  }
  let plan: ExperimentPlan;
  try {
    plan = ExperimentPlan.create(input);
  } catch (e) {
    if (e instanceof ExperimentError) throw new InputError(msg.invalidExperiment(command, file, e.message));
    throw e;
  }
  // The same budget as settle run's, before the design is built or anything is written.
  const problem = checkExperimentBudget(
    plan,
    options.workers ?? defaultWorkers(),
    memoryBudget(options.maxMemory),
  );
  if (problem) throw new InputError(msg.overBudget(command, problem));
  return plan;
}
