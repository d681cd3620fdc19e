import * as vega from 'vega';
import { textWidth } from '../text-width.js';

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}

function isBoldWeight(w: string | number | undefined): boolean {
  return w === 'bold' || w === 'bolder' || Number(w) >= 600;
}

/**
 * Makes vega measure text with DejaVu Sans's widths (the font the PNGs are drawn with)
 * instead of its estimate of 0.8 em a character, which left wide empty margins.
 * Affects every vega view in this process; browsers measure text themselves.
 */
export function useDejaVuMetrics(): void {
  // vega's typings omit textMetrics, which it exports for exactly this (vl-convert does the same).
  const { textMetrics: metrics } = vega as unknown as {
    textMetrics: { width: (item: TextItem, text: unknown) => number };
  };
  metrics.width = (item, text) => {
    const size = item.fontSize != null ? +item.fontSize || 0 : 11;
    const s = text == null ? '' : String(text).trim();
    const w = textWidth(s, size, isBoldWeight(item.fontWeight));
    return item.limit && item.limit > 0 ? Math.min(w, item.limit) : w;
  };
}
