import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat, exportStore } from '@smart-settlement/runner';
import { type SettleCommand, settleCommand } from '../command.js';
import { STORE_FILE } from '../experiment/folder.js';
import { help, InputError, msg } from '../messages.js';
import { type Options, option } from '../options.js';
import { print } from '../output/terminal.js';

/**
 * `settle export <DIR> --format parquet|csv [--out DIR2]`: writes the tables of DIR/results.duckdb
 * (runs, measures, retention and places when kept, and outputs: one row per run with its
 * parameters and outputs) as Parquet or CSV files into DIR2 (default DIR/export-FORMAT).
 */
export function exportCommand(): SettleCommand {
  return settleCommand('export', help.command.export)
    .argument('[dir]', help.argument.experimentFolder)
    .addOption(option.format(help.option.exportFormat(EXPORT_FORMATS)))
    .addOption(option.out('DIR', help.option.out.export))
    .addOption(option.force())
    .action(exportStoreTables);
}

async function exportStoreTables(dir: string | undefined, options: Options): Promise<void> {
  if (!dir) throw new InputError(msg.needExperimentFolder);
  const store = join(dir, STORE_FILE);
  if (!existsSync(store)) throw new InputError(msg.notExperimentFolder(dir, STORE_FILE));
  const format = (options.format ?? 'parquet') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new InputError(msg.badExportFormat(format, EXPORT_FORMATS));
  const out = options.out ?? join(dir, `export-${format}`);
  const files = await exportStore(store, out, format, { force: options.force === true });
  print(msg.wroteExport(out, files));
}
