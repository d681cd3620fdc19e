import type { IncrementalMeasure, IncrementalRow, MeasureFormat } from '@smart-settlement/core';

// How figures read in tables and chart labels, in one place: shares as percentages,
// differences in points, counts with thousands separators, dollars in millions or billions.

/** How the values of one measure format read. */
export interface MeasureFormatter {
  /** A value as it reads, e.g. "73.1%". */
  format: (v: number) => string;
  /** A difference as it reads, e.g. "+1.8 pts". */
  diff: (v: number) => string;
}

/** How values of each measure format read: as a level, and as a difference. */
export const FORMATTERS: Record<MeasureFormat, MeasureFormatter> = {
  percent: { format: pct, diff: points },
  decimal: { format: (v) => v.toFixed(3), diff: signed(3) },
  count: { format: count, diff: signedCount },
  dollars: { format: dollars, diff: signedDollars },
};

/** A share as a percentage: 0.731 -> "73.1%". */
export function pct(v: number): string {
  return `${(v * 100).toFixed(1)}%`;
}
/** A difference of shares in percentage points: 0.018 -> "+1.8 pts". */
export function points(v: number): string {
  return `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(1)} pts`;
}
/** A signed decimal with `digits` digits. */
export function signed(digits: number) {
  return (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(digits)}`;
}
/** The rounded absolute value with thousands separators: -1234.5 -> "1,235". */
export function thousands(v: number): string {
  return String(Math.round(Math.abs(v))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
/** A count: 138000 -> "138,000". */
export function count(v: number): string {
  return `${v < 0 ? '−' : ''}${thousands(v)}`;
}
/** A signed count: "+138,000". */
export function signedCount(v: number): string {
  return `${v >= 0 ? '+' : '−'}${thousands(v)}`;
}
/** Dollars, large sums in millions or billions so a table cell stays readable. */
export function amount(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `$${(a / 1e9).toFixed(2)} billion`;
  if (a >= 1e6) return `$${(a / 1e6).toFixed(1)} million`;
  return `$${thousands(a)}`;
}
/** Dollars: "$3,340", "−$2.1 million". */
export function dollars(v: number): string {
  return `${v < 0 ? '−' : ''}${amount(v)}`;
}
/** Signed dollars: "+$3,340". */
export function signedDollars(v: number): string {
  return `${v >= 0 ? '+' : '−'}${amount(v)}`;
}

/**
 * An incremental figure as it reads: "no gain" where it has no price (null cost per
 * additional person), "saves $84 per person" where the net cost is negative, "gain at no net
 * cost" where person-years were added without net spending (null person-years per million).
 * @example
 * incrementalText('costPerAdditionalRetained5', 3340) // "$3,340"
 * incrementalText('costPerAdditionalRetained5', null) // "no gain"
 */
export function incrementalText(measure: IncrementalMeasure, value: number | null): string {
  if (measure === 'additionalPersonYearsPerMillion') {
    if (value === null) return 'gain at no net cost';
    return value > 0 ? count(value) : 'no gain';
  }
  if (value === null) return 'no gain';
  return value < 0 ? `saves ${dollars(-value)} per person` : dollars(value);
}

/** The interval of an incremental row as it reads: "$3,240 to $3,375", "$2,100 to no gain". */
export function incrementalInterval(row: Pick<IncrementalRow, 'measure' | 'lo' | 'hi'>): string {
  return `${incrementalText(row.measure, row.lo)} to ${incrementalText(row.measure, row.hi)}`;
}
