import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat, exportStore } from '@smart-settlement/runner';
import { type Args, stringOption } from '../args.js';
import { InputError } from '../messages.js';
import { STORE_FILE } from './sweep.js';

/**
 * `settle export <DIR> --format parquet|csv [--out DIR2]`: writes the tables of DIR/results.duckdb
 * (runs, measures, retention and places when kept, and outputs: one row per run with its
 * parameters and outputs) as Parquet or CSV files into DIR2 (default DIR/export-FORMAT).
 */
export async function exportCommand(args: Args): Promise<void> {
  const dir = args.positional[0];
  if (!dir)
    throw new InputError(
      'settle export: name an experiment folder (the --out DIR of sweep, sensitivity or calibrate)',
    );
  const store = join(dir, STORE_FILE);
  if (!existsSync(store))
    throw new InputError(
      `settle export: ${dir}: got no ${STORE_FILE}; allowed: a folder written by settle sweep, sensitivity or calibrate`,
    );
  const format = (stringOption(args, 'format') ?? 'parquet') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format))
    throw new InputError(`settle export: --format: got "${format}"; allowed: ${EXPORT_FORMATS.join(', ')}`);
  const out = stringOption(args, 'out') ?? join(dir, `export-${format}`);
  const files = await exportStore(store, out, format, { force: args.flags.has('force') });
  console.log(`Wrote ${out}/ (${files.join(', ')})`);
}
