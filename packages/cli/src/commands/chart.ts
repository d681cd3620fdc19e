import { writeFileAtomically } from '@smart-settlement/runner';
import { CHART_NAMES, chartByName, FORMATS, type Format } from '@smart-settlement/viz';
import { loadRenderers, readTables } from '../briefing/pack.js';
import { checkResultsDir } from '../briefing/results-dir.js';
import { type SettleCommand, settleCommand } from '../command.js';
import { help, InputError, msg } from '../messages.js';
import { type Options, option } from '../options.js';
import { print } from '../output/terminal.js';

/**
 * `settle chart <results-dir> <chart> --out FILE [--format svg|png|html|vl.json] [--scale N]`:
 * one chart of a results folder. Every argument is checked before anything is drawn or written.
 */
export function chartCommand(): SettleCommand {
  return settleCommand('chart', help.command.chart)
    .argument('[dir]', help.argument.resultsFolder)
    .argument('[chart]', help.argument.chart(CHART_NAMES))
    .addOption(option.format(help.option.chartFormat(FORMATS)))
    .addOption(option.scale())
    .addOption(option.out('FILE', help.option.out.chart))
    .addOption(option.quiet())
    .action(chart);
}

/** The format asked for, or the one the output file's name ends with, or SVG. */
function formatOf(asked: string | undefined, out: string): Format {
  if (asked !== undefined) {
    if (!(FORMATS as readonly string[]).includes(asked))
      throw new InputError(msg.unknownFormat(asked, FORMATS));
    return asked as Format;
  }
  return FORMATS.find((f) => out.endsWith(`.${f}`)) ?? 'svg';
}

async function chart(
  dirArgument: string | undefined,
  name: string | undefined,
  options: Options,
): Promise<void> {
  const dir = checkResultsDir('chart', dirArgument);
  if (!name) throw new InputError(msg.needChart(CHART_NAMES));
  const definition = chartByName(name);
  if (!definition) throw new InputError(msg.unknownChart(name, CHART_NAMES));
  const out = options.out;
  if (!out) throw new InputError(msg.needChartOut);
  const format = formatOf(options.format, out);
  const tables = await readTables('chart', dir);
  const why = definition.unavailable?.(tables);
  if (why) throw new InputError(msg.chartUnavailable(name, dir, why));
  const { renderChart } = await loadRenderers();
  const content = await renderChart(definition.build(tables), format, { scale: options.scale });
  // Written whole or not at all: a temporary file renamed into place.
  writeFileAtomically(out, content);
  if (!options.quiet) print(msg.wroteChart(out));
}
