import { Command, type Option } from 'commander';
import { help, InputError, msg } from './messages.js';
import { print, printError } from './output/terminal.js';

/**
 * A `settle` command on commander, speaking settle's language: an unknown option or an option
 * without its value is an InputError in settle's words (what was given, what is allowed), and
 * help goes through settle's output. Errors are not printed here: main.ts prints every error
 * once and maps it to an exit status.
 */
export class SettleCommand extends Command {
  constructor(name?: string) {
    super(name);
    this.exitOverride();
    this.configureOutput({
      writeOut: (text) => print(text.replace(/\n$/, '')),
      writeErr: (text) => printError(text.replace(/\n$/, '')),
      outputError: () => {},
    });
    this.helpOption('-h, --help', help.help);
  }

  override createCommand(name?: string): SettleCommand {
    return new SettleCommand(name);
  }

  /** Adds options declared in options.ts. */
  addOptions(options: Option[]): this {
    for (const o of options) this.addOption(o);
    return this;
  }

  /**
   * Checks that every option that takes a value has one before commander reads them:
   * `--years --out DIR` is "--years needs a value", not years = "--out".
   */
  override parseOptions(argv: string[]) {
    for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
      const option = this.options.find((o) => o.long === argv[i] || o.short === argv[i]);
      if (!option?.required) continue;
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new InputError(msg.missingValue(argv[i]));
      i++;
    }
    return super.parseOptions(argv);
  }

  /** Commander's hook for an option this command does not take (called by commander itself). */
  unknownOption(flag: string): never {
    const allowed = [...this.options.map((o) => o.long ?? o.flags), '--help'];
    throw new InputError(msg.unknownOption(flag, allowed));
  }
}

/** A new command named `name` (its arguments, options and action are added by the caller). */
export function settleCommand(name: string, summary: string): SettleCommand {
  return new SettleCommand(name).summary(summary).description(summary);
}
