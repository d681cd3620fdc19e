import { checkMemoryBudget, estimateJobResources } from '@smart-settlement/core';
import { defaultWorkers } from '@smart-settlement/runner';
import { DEFAULT_INTAKE, formatProblems, validateScenario } from '@smart-settlement/scenarios';
import type { Args } from '../args.js';
import { readJsonFile } from '../load.js';
import { memoryBudget } from '../memory-budget.js';
import { InputError, msg } from '../messages.js';
import { loadExperiment } from './sweep.js';

/**
 * `settle validate <file>`: exit 0 and say so, or exit 2 naming every wrong field. A file with
 * a `design` or a `calibration` is checked as an experiment (scenario, parameters, design, outputs), anything else
 * as a scenario.
 */
export function validate(args: Args): void {
  const file = args.positional[0];
  if (!file) throw new InputError(msg.needScenario);
  const input = readJsonFile(file);
  if (typeof input === 'object' && input !== null && ('design' in input || 'calibration' in input)) {
    const plan = loadExperiment(file, 'validate', args);
    console.log(msg.validExperiment(file, plan.experiment.name, plan.runCount));
    return;
  }
  const checked = validateScenario(input);
  if (!checked.ok) throw new InputError(msg.invalidScenario(file, formatProblems(checked.problems)));
  // The budget settle run would apply, with its default workers.
  const { scenario } = checked;
  const problem = checkMemoryBudget(
    estimateJobResources(
      [
        {
          years: scenario.years ?? 20,
          agentScale: scenario.agentScale ?? 20,
          intake: { perYear: scenario.intake?.perYear ?? DEFAULT_INTAKE.perYear },
        },
      ],
      { runsEach: scenario.replications ?? 10, workers: defaultWorkers() },
    ),
    memoryBudget(args),
  );
  if (problem) throw new InputError(msg.overBudget('validate', problem));
  console.log(msg.valid(file, checked.scenario.name));
}
