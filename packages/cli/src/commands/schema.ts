import { scenarioJsonSchema } from '@smart-settlement/scenarios';

/** `settle schema`: the JSON Schema of scenario files. */
export function schema(): void {
  console.log(JSON.stringify(scenarioJsonSchema(), null, 2));
}
