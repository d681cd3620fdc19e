// The results folder: its files, and the summary.json document and its builder.
export { type Band, DESTINATION_MEASURES, type DestinationRow, destinationRows } from './destinations.js';
export { CHART_INPUT_FILES, RESULT_FILES } from './files.js';
export {
  HEADLINE,
  measureDescriptions,
  type PlaceSummary,
  type PolicySummary,
  type ScenarioSummary,
  type SummaryDocument,
  type SummaryInput,
  summaryDocument,
} from './summary.js';
