/** The export formats of a chart: vector, raster, standalone page, and the spec with its data. */
export const FORMATS = ['svg', 'png', 'html', 'vl.json'] as const;
/** One of FORMATS. */
export type Format = (typeof FORMATS)[number];
