import { formatProblems, validateScenario } from '@smart-settlement/scenarios';
import type { Args } from '../args.js';
import { readJsonFile } from '../load.js';
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
    const plan = loadExperiment(file, 'validate');
    console.log(msg.validExperiment(file, plan.experiment.name, plan.runCount));
    return;
  }
  const checked = validateScenario(input);
  if (!checked.ok) throw new InputError(msg.invalidScenario(file, formatProblems(checked.problems)));
  console.log(msg.valid(file, checked.scenario.name));
}
