import type { Args } from '../args.js';
import { rewriteBriefingPack } from '../briefing/pack.js';
import { checkResultsDir, scaleOption } from '../briefing/results-dir.js';
import { msg } from '../messages.js';

/** `settle report <results-dir> [--scale N]`: redraws charts/ and report.html from the saved tables, without rerunning. */
export async function report(args: Args): Promise<void> {
  const dir = checkResultsDir('report', args.positional[0]);
  const scale = scaleOption(args.options.get('scale'));
  const started = Date.now();
  const files = await rewriteBriefingPack(dir, scale);
  if (!args.flags.has('quiet')) console.log(msg.wrotePack(dir, files - 1, (Date.now() - started) / 1000));
}
