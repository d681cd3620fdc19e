import { experimentJsonSchema } from '@smart-settlement/runner';
import { scenarioJsonSchema } from '@smart-settlement/scenarios';
import { type SettleCommand, settleCommand } from '../command.js';
import { help, InputError, msg } from '../messages.js';
import { print } from '../output/terminal.js';

/** The file formats whose JSON Schema `settle schema` prints. */
const SCHEMAS: Record<string, () => Record<string, unknown>> = {
  scenario: scenarioJsonSchema,
  experiment: experimentJsonSchema,
};

/** `settle schema [scenario|experiment]`: the JSON Schema of scenario files (or experiment files). */
export function schemaCommand(): SettleCommand {
  return settleCommand('schema', help.command.schema)
    .argument('[kind]', help.argument.schemaKind)
    .action(schema);
}

function schema(kind = 'scenario'): void {
  const build = Object.hasOwn(SCHEMAS, kind) ? SCHEMAS[kind] : undefined;
  if (!build) throw new InputError(msg.unknownSchema(kind, Object.keys(SCHEMAS)));
  print(JSON.stringify(build(), null, 2));
}
