import { totalmem } from 'node:os';
import { InputError, msg } from './messages.js';

/** Share of the machine's memory a command may plan to use when --max-memory is not given. */
export const DEFAULT_MEMORY_SHARE = 0.75;

const UNITS: Record<string, number> = { '': 1, k: 1e3, m: 1e6, g: 1e9, t: 1e12 };

/** --max-memory's value in bytes: a number, or with a unit (512M, 8G, 1.5T), from 1M to 1000T. */
export function memorySize(raw: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(raw);
  const bytes = m ? Number(m[1]) * UNITS[m[2].toLowerCase()] : Number.NaN;
  if (!(bytes >= 1e6 && bytes <= 1e15)) throw new InputError(msg.badMemory(raw));
  return Math.floor(bytes);
}

/**
 * The memory budget of a command in bytes: --max-memory if given, else three quarters of this
 * machine's memory. A job whose estimate exceeds it is refused before it runs (exit 2).
 */
export function memoryBudget(maxMemory: number | undefined): number {
  return maxMemory ?? Math.floor(totalmem() * DEFAULT_MEMORY_SHARE);
}
