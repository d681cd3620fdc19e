/**
 * The charts every briefing pack must hold, by file name: the eight issue 3 asks for, and
 * where newcomers went (issue 13).
 */
export const PACK_CHARTS = [
  'retention-curves',
  'retention-cliff',
  'retention-by-place',
  'place-map',
  'smaller-places',
  'community-equity',
  'cost-per-retained',
  'destinations',
  'paired-difference',
];

/** Every file of the pack's charts/ folder for those charts, in the four formats. */
export const PACK_CHART_FILES = PACK_CHARTS.flatMap((n) =>
  ['svg', 'png', 'html', 'vl.json'].map((f) => `${n}.${f}`),
);
