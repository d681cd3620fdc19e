import type { ResultTables } from './tables.js';
import { scenarioColour } from './theme.js';

/** Options every chart builder accepts. */
export interface ChartOptions {
  /** Plot width in pixels (default THEME's WIDTH). */
  width?: number;
  /** Plot height in pixels. */
  height?: number;
}

/** A field on one axis: its name, title (with units) and number format. */
export interface AxisField {
  field: string;
  title: string;
  format?: string;
  /** Fixed domain, e.g. [0, 1] for a share. */
  domain?: [number, number];
  zero?: boolean;
}

/**
 * A median line per scenario over its interval band: the layers of every "over time" chart.
 * Data rows carry `scenario`, the x field, and `median`, `lo`, `hi`.
 */
export function bandAndLine(tables: ResultTables, x: AxisField, y: AxisField) {
  const xEnc = {
    field: x.field,
    type: 'quantitative' as const,
    title: x.title,
    axis: {
      format: x.format ?? 'd',
      tickMinStep: 1,
      labelFlush: false,
      labelOverlap: 'parity' as const,
      labelSeparation: 8,
    },
    scale: { domain: x.domain, zero: x.zero ?? false, nice: false },
  };
  const yScale = { domain: y.domain, zero: y.zero ?? false };
  const colour = scenarioColour(tables);
  return [
    {
      mark: { type: 'area' as const, opacity: 0.18 },
      encoding: {
        x: xEnc,
        y: { field: 'lo', type: 'quantitative' as const, title: y.title, scale: yScale },
        y2: { field: 'hi' },
        color: colour,
      },
    },
    {
      mark: { type: 'line' as const },
      encoding: {
        x: xEnc,
        y: {
          field: 'median',
          type: 'quantitative' as const,
          title: y.title,
          axis: { format: y.format },
          scale: yScale,
        },
        color: colour,
        tooltip: [
          { field: 'scenario', type: 'nominal' as const, title: 'Scenario' },
          { field: x.field, type: 'quantitative' as const, title: x.title },
          { field: 'median', type: 'quantitative' as const, title: 'Median', format: y.format },
          { field: 'lo', type: 'quantitative' as const, title: 'Low end', format: y.format },
          { field: 'hi', type: 'quantitative' as const, title: 'High end', format: y.format },
        ],
      },
    },
  ];
}
