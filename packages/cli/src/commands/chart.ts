import { writeFileAtomically } from '@smart-settlement/runner';
import { CHART_NAMES, chartByName, FORMATS, type Format } from '@smart-settlement/viz';
import { type Args, stringOption } from '../args.js';
import { loadRenderers, readTables } from '../briefing/pack.js';
import { checkResultsDir, scaleOption } from '../briefing/results-dir.js';
import { InputError, msg } from '../messages.js';

/** The format asked for, or the one the output file's name ends with, or SVG. */
function formatOf(args: Args, out: string): Format {
  const asked = stringOption(args, 'format');
  if (asked !== undefined) {
    if (!(FORMATS as readonly string[]).includes(asked))
      throw new InputError(msg.unknownFormat(asked, FORMATS));
    return asked as Format;
  }
  return FORMATS.find((f) => out.endsWith(`.${f}`)) ?? 'svg';
}

/**
 * `settle chart <results-dir> <chart> --out FILE [--format svg|png|html|vl.json] [--scale N]`:
 * one chart of a results folder. Every argument is checked before anything is drawn or written.
 */
export async function chart(args: Args): Promise<void> {
  const dir = checkResultsDir('chart', args.positional[0]);
  const name = args.positional[1];
  if (!name) throw new InputError(msg.needChart(CHART_NAMES));
  const definition = chartByName(name);
  if (!definition) throw new InputError(msg.unknownChart(name, CHART_NAMES));
  const out = stringOption(args, 'out');
  if (!out) throw new InputError(msg.needChartOut);
  const format = formatOf(args, out);
  const scale = scaleOption(args.options.get('scale'));
  const tables = await readTables('chart', dir);
  const why = definition.unavailable?.(tables);
  if (why) throw new InputError(msg.chartUnavailable(name, dir, why));
  const { renderChart } = await loadRenderers();
  const content = await renderChart(definition.build(tables), format, { scale });
  // Written whole or not at all: a temporary file renamed into place.
  writeFileAtomically(out, content);
  if (!args.flags.has('quiet')) console.log(msg.wroteChart(out));
}
