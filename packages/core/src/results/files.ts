/**
 * The files of a results folder (`settle run`, `settle compare`), by role. Every package that
 * writes or reads a results folder names its files from here.
 */
export const RESULT_FILES = {
  /** What was run, and medians with intervals of every measure: {@link SummaryDocument}. */
  summary: 'summary.json',
  /** Retention by scenario, replication, area and years since arrival (RETENTION_COLUMNS). */
  retention: 'retention.csv',
  /** Each place, each year (PLACE_COLUMNS). */
  places: 'places.csv',
  /** Every measure of every run (MEASURE_COLUMNS). */
  measures: 'measures.csv',
  /** Where the newcomers of each first place are 1, 3, 5 and 10 years after arrival (FLOW_COLUMNS). */
  flows: 'flows.csv',
  /** Retention by arrival cohort, for the region and the groups (COHORT_COLUMNS). */
  cohorts: 'cohorts.csv',
  /** The fully resolved scenarios and seeds, to reproduce the folder with `settle run --from`. */
  manifest: 'manifest.json',
  /** The briefing report. */
  report: 'report.html',
  /** The folder of the briefing pack's charts. */
  charts: 'charts',
} as const;

/** The files the briefing pack's charts and report are drawn from. */
export const CHART_INPUT_FILES = [RESULT_FILES.summary, RESULT_FILES.retention, RESULT_FILES.places] as const;
