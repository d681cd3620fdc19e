import { checkMemoryBudget, estimateJobResources } from '@smart-settlement/core';
import { defaultWorkers } from '@smart-settlement/runner';
import { DEFAULT_INTAKE, formatProblems, validateScenario } from '@smart-settlement/scenarios';
import { type SettleCommand, settleCommand } from '../command.js';
import { loadExperiment } from '../experiment/load.js';
import { readJsonFile } from '../load.js';
import { memoryBudget } from '../memory-budget.js';
import { help, InputError, msg } from '../messages.js';
import { type Options, option } from '../options.js';
import { print } from '../output/terminal.js';

/**
 * `settle validate <file>`: exit 0 and say so, or exit 2 naming every wrong field. A file with
 * a `design` or a `calibration` is checked as an experiment (scenario, parameters, design,
 * outputs), anything else as a scenario.
 */
export function validateCommand(): SettleCommand {
  return settleCommand('validate', help.command.validate)
    .argument('[file]', help.argument.fileToValidate)
    .addOption(option.maxMemory())
    .action(validate);
}

function validate(file: string | undefined, options: Options): void {
  if (!file) throw new InputError(msg.needFileToValidate);
  const input = readJsonFile(file);
  if (typeof input === 'object' && input !== null && ('design' in input || 'calibration' in input)) {
    const plan = loadExperiment(file, 'validate', options);
    print(msg.validExperiment(file, plan.experiment.name, plan.runCount));
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
    memoryBudget(options.maxMemory),
  );
  if (problem) throw new InputError(msg.overBudget('validate', problem));
  print(msg.valid(file, checked.scenario.name));
}
