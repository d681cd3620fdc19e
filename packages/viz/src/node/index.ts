// @smart-settlement/viz/node: Node-only renderers (SVG, PNG, standalone HTML), reading
// results folders, and the briefing pack (charts/ and report.html).
export * from './html.js';
export * from './pack.js';
export * from './read-results.js';
export * from './render.js';
export * from './report.js';
export * from './text-metrics.js';
export * from './vendor.js';
