import {
  ASSIGNED_PEOPLE,
  ENGAGEMENT_PILOT_RESIDENTS,
  INCENTIVE_TAKERS,
  INCREMENTAL_INFO,
  type IncrementalMeasure,
  MEASURE_INFO,
  type Measure,
  SERVED_BY_WELCOME,
  type SummaryDocument,
} from '@smart-settlement/core';
import { DESTINATIONS } from './charts/destinations.js';
import { cell } from './figures-table.js';
import { escapeHtml } from './html-text.js';
import {
  dollars,
  incrementalInterval,
  incrementalText,
  pct,
  signedCount,
  signedDollars,
} from './number-text.js';

// The accountability tables of the briefing report (and of any page that has summary.json):
// the cost of an additional person kept (the report's first table), the programme money,
// where newcomers went, and the people the money touched.

type Band = { median: number; lo: number; hi: number };

/** A "median (low to high)" cell of an incremental measure, with how often the scenario gained. */
function incrementalCell(row: SummaryDocument['incremental'][number] | undefined): string {
  if (!row) return '<td>–</td>';
  const gain = `kept more in ${Math.round(row.gainShare * 100)}% of replications`;
  // An interval whose two ends have no price says nothing the median does not.
  const interval = row.lo === null && row.hi === null ? '' : `${escapeHtml(incrementalInterval(row))}<br>`;
  return `<td><strong>${escapeHtml(incrementalText(row.measure, row.median))}</strong><br><span class="interval">${interval}${escapeHtml(gain)}</span></td>`;
}

function headCells(labels: string[]): string {
  return labels.map((l) => `<th scope="col">${escapeHtml(l)}</th>`).join('');
}

/**
 * The accountability table: for each scenario against the reference, in one area, the
 * additional people kept, the extra net cost, the cost per additional person kept after 5
 * and 10 years, the additional person-years per million dollars and, last and labelled as
 * such, the average cost per newcomer still present.
 */
export function costEffectivenessTable(s: SummaryDocument, area: string, scenarios: string[]): string {
  const paired = (scenario: string, measure: Measure) =>
    s.paired.find((r) => r.scenario === scenario && r.area === area && r.measure === measure);
  const level = (scenario: string, measure: Measure) =>
    s.summary.find((r) => r.scenario === scenario && r.area === area && r.measure === measure);
  const inc = (scenario: string, measure: IncrementalMeasure) =>
    (s.incremental ?? []).find((r) => r.scenario === scenario && r.area === area && r.measure === measure);
  const head = headCells([
    'Scenario',
    'Additional people still in their first place after 5 years',
    'Extra net programme cost (years whose cohorts reached 5 years)',
    INCREMENTAL_INFO.costPerAdditionalRetained5.label,
    INCREMENTAL_INFO.costPerAdditionalRetained10.label,
    'Additional person-years lived there per million dollars',
    'Average cost per newcomer still there after 5 years (everyone, not additional)',
  ]);
  const body = scenarios
    .map(
      (scenario) =>
        `<tr><th scope="row">${escapeHtml(scenario)}</th>${cell(paired(scenario, 'retained5'), signedCount)}${cell(
          paired(scenario, 'programmeCost5'),
          signedDollars,
        )}${incrementalCell(inc(scenario, 'costPerAdditionalRetained5'))}${incrementalCell(
          inc(scenario, 'costPerAdditionalRetained10'),
        )}${incrementalCell(inc(scenario, 'additionalPersonYearsPerMillion'))}${cell(level(scenario, 'costPerRetained5'), dollars)}</tr>`,
    )
    .join('\n');
  return `<table class="accounts"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Gross spending, clawbacks repaid and net cost over the whole run, by scenario, in one area. */
export function moneyTable(s: SummaryDocument, area: string, scenarios: string[]): string {
  const level = (scenario: string, measure: Measure) =>
    s.summary.find((r) => r.scenario === scenario && r.area === area && r.measure === measure);
  const measures: Measure[] = ['grossSpending', 'clawbacks', 'programmeCost'];
  const head = headCells(['Scenario', ...measures.map((m) => MEASURE_INFO[m].label)]);
  const body = scenarios
    .map(
      (scenario) =>
        `<tr><th scope="row">${escapeHtml(scenario)}</th>${measures.map((m) => cell(level(scenario, m), dollars)).join('')}</tr>`,
    )
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Where the newcomers of each group went, 5 and 10 years after arrival: a row per group, horizon and scenario. */
export function destinationsTable(s: SummaryDocument, areas: string[], scenarios: string[]): string {
  const rows = (s.destinations ?? []).filter((d) => areas.includes(d.area) && scenarios.includes(d.scenario));
  if (rows.length === 0) return '<p>No cohort has reached 5 years in this run.</p>';
  const labels = DESTINATIONS.map((d) =>
    d.key === 'leftRegion' ? `Left ${s.region}` : d.label[0].toUpperCase() + d.label.slice(1),
  );
  const head = headCells(['First place', 'Years after arrival', 'Scenario', ...labels]);
  const body = areas
    .flatMap((area) =>
      rows
        .filter((d) => d.area === area)
        .sort(
          (a, b) =>
            a.yearsSinceArrival - b.yearsSinceArrival ||
            scenarios.indexOf(a.scenario) - scenarios.indexOf(b.scenario),
        )
        .map(
          (d) =>
            `<tr><th scope="row">${escapeHtml(area)}</th><td>${d.yearsSinceArrival}</td><td>${escapeHtml(d.scenario)}</td>${DESTINATIONS.map((k) => cell(d[k.key] as Band, pct)).join('')}</tr>`,
        ),
    )
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * What happened to the people the money touched: incentive takers, assigned people, those
 * served by welcome services and the engagement pilots' newcomers, by scenario (only those a scenario acted on).
 */
export function actedOnTable(s: SummaryDocument, scenarios: string[]): string {
  const groups = [INCENTIVE_TAKERS, ASSIGNED_PEOPLE, SERVED_BY_WELCOME, ENGAGEMENT_PILOT_RESIDENTS];
  const measures: Measure[] = ['retention1', 'retention5', 'retention10', 'leftRegion10'];
  const level = (scenario: string, area: string, measure: Measure) =>
    s.summary.find((r) => r.scenario === scenario && r.area === area && r.measure === measure);
  const rows = groups.flatMap((area) =>
    scenarios
      .filter((scenario) => level(scenario, area, 'retention1'))
      .map(
        (scenario) =>
          `<tr><th scope="row">${escapeHtml(area)}</th><td>${escapeHtml(scenario)}</td>${measures.map((m) => cell(level(scenario, area, m), pct)).join('')}</tr>`,
      ),
  );
  if (rows.length === 0) return '<p>No scenario acted on particular people.</p>';
  const head = headCells(['People', 'Scenario', ...measures.map((m) => MEASURE_INFO[m].label)]);
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}
