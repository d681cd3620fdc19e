import { formatProblems, validateScenario } from '@smart-settlement/scenarios';
import type { Args } from '../args.js';
import { readJsonFile } from '../load.js';
import { InputError, msg } from '../messages.js';

/** `settle validate <file>`: exit 0 and say so, or exit 2 naming every wrong field. */
export function validate(args: Args): void {
  const file = args.positional[0];
  if (!file) throw new InputError(msg.needScenario);
  const checked = validateScenario(readJsonFile(file));
  if (!checked.ok) throw new InputError(msg.invalidScenario(file, formatProblems(checked.problems)));
  console.log(msg.valid(file, checked.scenario.name));
}
