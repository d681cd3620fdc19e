import { LIBRARY } from '@smart-settlement/scenarios';
import type { Args } from '../args.js';

/** `settle list`: the named scenarios. */
export function list(args: Args): void {
  if (args.flags.has('json')) {
    console.log(JSON.stringify(Object.values(LIBRARY), null, 2));
    return;
  }
  const width = Math.max(...Object.keys(LIBRARY).map((k) => k.length));
  for (const [name, s] of Object.entries(LIBRARY)) console.log(`${name.padEnd(width)}  ${s.description}`);
}
