/** The eight charts issue 3 asks for, by file name: what every briefing pack must hold. */
export const EIGHT_CHARTS = [
  'retention-curves',
  'retention-cliff',
  'retention-by-place',
  'place-map',
  'smaller-places',
  'community-equity',
  'cost-per-retained',
  'paired-difference',
];

/** Every file of the pack's charts/ folder for those charts, in the four formats. */
export const EIGHT_CHART_FILES = EIGHT_CHARTS.flatMap((n) =>
  ['svg', 'png', 'html', 'vl.json'].map((f) => `${n}.${f}`),
);
