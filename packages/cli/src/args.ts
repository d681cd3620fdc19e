import { InputError, msg } from './messages.js';

/** Parsed command line: positional arguments, and options (repeatable ones as lists). */
export interface Args {
  positional: string[];
  options: Map<string, string[]>;
  flags: Set<string>;
}

/**
 * Parses `--name value`, `--name=value` and boolean `--flag`, checking every option
 * against the command's list so a typo is an error, not a silent default.
 */
export function parseArgs(argv: string[], valued: string[], boolean: string[]): Args {
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (boolean.includes(name)) {
      flags.add(name);
      continue;
    }
    if (!valued.includes(name))
      throw new InputError(
        msg.unknownOption(
          `--${name}`,
          [...valued, ...boolean].map((o) => `--${o}`),
        ),
      );
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    // `--years --out DIR`: the value is missing, not "--out" (which would hide the real mistake).
    if (value === undefined || (eq < 0 && value.startsWith('--')))
      throw new InputError(msg.missingValue(`--${name}`));
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return { positional, options, flags };
}

/** The last value of an option as an integer within bounds, or undefined. */
export function intOption(args: Args, name: string, min: number, max: number): number | undefined {
  const values = args.options.get(name);
  if (!values) return undefined;
  const raw = values[values.length - 1];
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new InputError(msg.badInteger(`--${name}`, raw, min, max));
  return n;
}

export function stringOption(args: Args, name: string): string | undefined {
  const values = args.options.get(name);
  return values?.[values.length - 1];
}
