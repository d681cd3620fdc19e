import { rewriteBriefingPack } from '../briefing/pack.js';
import { checkResultsDir } from '../briefing/results-dir.js';
import { type SettleCommand, settleCommand } from '../command.js';
import { help, msg } from '../messages.js';
import { type Options, option } from '../options.js';
import { print } from '../output/terminal.js';

/** `settle report <results-dir> [--scale N]`: redraws charts/ and report.html from the saved tables, without rerunning. */
export function reportCommand(): SettleCommand {
  return settleCommand('report', help.command.report)
    .argument('[dir]', help.argument.resultsFolder)
    .addOption(option.scale())
    .addOption(option.quiet())
    .action(report);
}

async function report(dirArgument: string | undefined, options: Options): Promise<void> {
  const dir = checkResultsDir('report', dirArgument);
  const started = Date.now();
  const files = await rewriteBriefingPack(dir, options.scale);
  if (!options.quiet) print(msg.wrotePack(dir, files - 1, (Date.now() - started) / 1000));
}
