import { LIBRARY } from '@smart-settlement/scenarios';
import { type SettleCommand, settleCommand } from '../command.js';
import { help, msg } from '../messages.js';
import { type Options, option } from '../options.js';
import { print } from '../output/terminal.js';

/** `settle list [--json]`: the named scenarios. */
export function listCommand(): SettleCommand {
  return settleCommand('list', help.command.list).addOption(option.json()).action(list);
}

function list(options: Options): void {
  if (options.json) {
    print(JSON.stringify(Object.values(LIBRARY), null, 2));
    return;
  }
  const width = Math.max(...Object.keys(LIBRARY).map((k) => k.length));
  for (const [name, s] of Object.entries(LIBRARY)) print(msg.scenarioLine(name, width, s.description));
}
