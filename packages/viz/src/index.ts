// @smart-settlement/viz: result tables to Vega-Lite specs. Browser-safe: rendering to files
// (SVG, PNG, HTML) and the briefing pack live in '@smart-settlement/viz/node'.
export * from './accounts-tables.js';
export * from './area-tables.js';
export * from './charts/community-equity.js';
export * from './charts/cost-per-retained.js';
export * from './charts/destinations.js';
export * from './charts/experiments.js';
export * from './charts/index.js';
export * from './charts/paired-difference.js';
export * from './charts/place-map.js';
export * from './charts/retention-by-place.js';
export * from './charts/retention-cliff.js';
export * from './charts/retention-curves.js';
export * from './charts/smaller-places.js';
export * from './csv-records.js';
export * from './figures-table.js';
export * from './formats.js';
export * from './html-text.js';
export * from './layers.js';
export * from './number-text.js';
export * from './result-numbers.js';
export * from './stats.js';
export * from './table-sections.js';
export * from './tables.js';
export * from './tables-builder.js';
export * from './text-width.js';
export * from './theme.js';
