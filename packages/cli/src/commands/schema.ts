import { experimentJsonSchema } from '@smart-settlement/runner';
import { scenarioJsonSchema } from '@smart-settlement/scenarios';
import type { Args } from '../args.js';
import { InputError, msg } from '../messages.js';

/** The file formats whose JSON Schema `settle schema` prints. */
const SCHEMAS: Record<string, () => Record<string, unknown>> = {
  scenario: scenarioJsonSchema,
  experiment: experimentJsonSchema,
};

/** `settle schema [scenario|experiment]`: the JSON Schema of scenario files (or experiment files). */
export function schema(args: Args): void {
  const kind = args.positional[0] ?? 'scenario';
  const print = SCHEMAS[kind];
  if (!print) throw new InputError(msg.unknownSchema(kind, Object.keys(SCHEMAS)));
  console.log(JSON.stringify(print(), null, 2));
}
