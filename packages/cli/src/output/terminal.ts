// Where settle speaks: what a command prints (results, lines of messages.ts) goes to stdout,
// notes and errors to stderr. Commands print through these, never with console directly.

/** Prints a line (or lines) on stdout. */
export function print(text: string): void {
  console.log(text);
}

/** Prints a line (or lines) on stderr. */
export function printError(text: string): void {
  console.error(text);
}
