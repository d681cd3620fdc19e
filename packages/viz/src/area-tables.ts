import {
  DESTINATION_MEASURES,
  type IncrementalMeasure,
  MEASURE_INFO,
  type Measure,
  type SummaryDocument,
} from '@smart-settlement/core';
import { DESTINATIONS } from './charts/destinations.js';
import { cell } from './figures-table.js';
import { escapeHtml } from './html-text.js';
import { dollars, incrementalInterval, incrementalText, pct, signedCount } from './number-text.js';

// The tables of many areas at once, a block of rows per area and a row per scenario in it:
// where each place's (or class's) newcomers went, and what the programmes cost there. The
// briefing report and the scenario explorer show them (see table-sections).

/** An area of a table, and how its rows are headed (e.g. "Smaller places · Family class" as "Family class"). */
export interface AreaLabel {
  area: string;
  label: string;
}

type Band = { median: number; lo: number; hi: number };

function headCells(labels: string[]): string {
  return labels.map((l) => `<th scope="col">${escapeHtml(l)}</th>`).join('');
}

/** The rows of one area: the area's label spans them, a row per scenario. */
function areaBlock(label: string, rows: string[]): string {
  return rows
    .map(
      (cells, i) =>
        `<tr${i === 0 ? ' class="block-start"' : ''}>${i === 0 ? `<th scope="rowgroup" rowspan="${rows.length}">${escapeHtml(label)}</th>` : ''}${cells}</tr>`,
    )
    .join('\n');
}

/**
 * Where the newcomers of each area went, 5 and 10 years after arrival: for each area a block
 * of rows (one per scenario), each with the shares still in their first place, moved to
 * another smaller place, moved to a metro and left the region at both horizons, a median with
 * its interval beneath. Areas without destinations in summary.json are left out.
 * @example
 * areaDestinationsTable(summary, summary.places.map((p) => ({ area: p.name, label: p.name })), ['baseline', 'engagement'])
 */
export function areaDestinationsTable(
  s: SummaryDocument,
  areas: readonly AreaLabel[],
  scenarios: readonly string[],
  firstColumn = 'First place',
): string {
  const horizons = DESTINATION_MEASURES.map((d) => d.yearsSinceArrival);
  const find = (scenario: string, area: string, years: number) =>
    (s.destinations ?? []).find(
      (d) => d.scenario === scenario && d.area === area && d.yearsSinceArrival === years,
    );
  const labels = DESTINATIONS.map((d) =>
    d.key === 'leftRegion' ? `Left ${s.region}` : d.label[0].toUpperCase() + d.label.slice(1),
  );
  const blocks = areas
    .map(({ area, label }) => {
      const rows = scenarios
        .filter((scenario) => horizons.some((k) => find(scenario, area, k)))
        .map(
          (scenario) =>
            `<td class="scenario">${escapeHtml(scenario)}</td>${horizons
              .map((k) => {
                const d = find(scenario, area, k);
                return DESTINATIONS.map((dest, i) =>
                  cell(d?.[dest.key] as Band | undefined, pct, i === 0 ? 'group-start' : undefined),
                ).join('');
              })
              .join('')}`,
        );
      return rows.length ? areaBlock(label, rows) : '';
    })
    .filter(Boolean);
  if (blocks.length === 0) return '<p>No cohort has reached 5 years in this run.</p>';
  // One header row (a page can keep it in view over a long table), each column naming its horizon.
  const head = `<tr><th scope="col">${escapeHtml(firstColumn)}</th><th scope="col">Scenario</th>${horizons
    .map((k) =>
      labels
        .map(
          (l, i) =>
            `<th scope="col"${i === 0 ? ' class="group-start"' : ''}>${escapeHtml(`After ${k} years: ${l[0].toLowerCase()}${l.slice(1)}`)}</th>`,
        )
        .join(''),
    )
    .join('')}</tr>`;
  return `<table class="areas shares"><thead>${head}</thead><tbody>\n${blocks.join('\n')}\n</tbody></table>`;
}

/**
 * What the programmes cost in each area against the reference: for each area a block of rows
 * (one per scenario other than the reference that spent money there), each with gross
 * spending, clawbacks repaid and net cost over the run, the additional people still in their
 * first place after 5 years, and the cost per additional person retained after 5 and 10
 * years ("no gain" where the scenario kept nobody more; "not split by class" where the
 * scenario spent on places, which no class can be charged with).
 * @example
 * areaCostTable(summary, [{ area: 'Thunder Bay', label: 'Thunder Bay' }], ['engagement'])
 */
export function areaCostTable(
  s: SummaryDocument,
  areas: readonly AreaLabel[],
  scenarios: readonly string[],
  firstColumn = 'Place',
): string {
  const level = (scenario: string, area: string, measure: Measure) =>
    s.summary.find((r) => r.scenario === scenario && r.area === area && r.measure === measure);
  const paired = (scenario: string, area: string, measure: Measure) =>
    s.paired.find((r) => r.scenario === scenario && r.area === area && r.measure === measure);
  const inc = (scenario: string, area: string, measure: IncrementalMeasure) =>
    (s.incremental ?? []).find((r) => r.scenario === scenario && r.area === area && r.measure === measure);
  const incrementalCell = (scenario: string, area: string, measure: IncrementalMeasure) => {
    const row = inc(scenario, area, measure);
    if (row) {
      const interval =
        row.lo === null && row.hi === null
          ? ''
          : `<br><span class="interval">${escapeHtml(incrementalInterval(row))}</span>`;
      return `<td>${escapeHtml(incrementalText(measure, row.median))}${interval}</td>`;
    }
    const onPlaces = paired(scenario, area, 'unattributedSpending');
    if (onPlaces && (onPlaces.lo !== 0 || onPlaces.hi !== 0))
      return '<td class="note">not split by class: money spent on places</td>';
    return '<td>–</td>';
  };
  const spent = (scenario: string, area: string) => {
    const gross = level(scenario, area, 'grossSpending');
    return gross !== undefined && gross.hi > 0;
  };
  const blocks = areas
    .map(({ area, label }) => {
      const rows = scenarios
        .filter((scenario) => spent(scenario, area))
        .map(
          (scenario) =>
            `<td class="scenario">${escapeHtml(scenario)}</td>${cell(level(scenario, area, 'grossSpending'), dollars)}${cell(
              level(scenario, area, 'clawbacks'),
              dollars,
            )}${cell(level(scenario, area, 'programmeCost'), dollars)}${cell(paired(scenario, area, 'retained5'), signedCount)}${incrementalCell(
              scenario,
              area,
              'costPerAdditionalRetained5',
            )}${incrementalCell(scenario, area, 'costPerAdditionalRetained10')}`,
        );
      return rows.length ? areaBlock(label, rows) : '';
    })
    .filter(Boolean);
  if (blocks.length === 0) return '<p>No scenario spent programme money here.</p>';
  const head = headCells([
    firstColumn,
    'Scenario',
    MEASURE_INFO.grossSpending.label,
    MEASURE_INFO.clawbacks.label,
    MEASURE_INFO.programmeCost.label,
    'Additional people still in their first place after 5 years',
    'Cost per additional person retained after 5 years',
    'Cost per additional person retained after 10 years',
  ]);
  return `<table class="areas"><thead><tr>${head}</tr></thead><tbody>\n${blocks.join('\n')}\n</tbody></table>`;
}

/**
 * Retention of each area (say each immigrant class) by scenario: a block of rows per area, a
 * row per scenario, with `measures` as columns (default retention after 1, 3, 5 and 10 years).
 */
export function areaRetentionTable(
  s: SummaryDocument,
  areas: readonly AreaLabel[],
  scenarios: readonly string[],
  firstColumn: string,
  measures: readonly Measure[] = ['retention1', 'retention3', 'retention5', 'retention10'],
): string {
  const level = (scenario: string, area: string, measure: Measure) =>
    s.summary.find((r) => r.scenario === scenario && r.area === area && r.measure === measure);
  const blocks = areas
    .map(({ area, label }) => {
      const rows = scenarios
        .filter((scenario) => measures.some((m) => level(scenario, area, m)))
        .map(
          (scenario) =>
            `<td class="scenario">${escapeHtml(scenario)}</td>${measures.map((m) => cell(level(scenario, area, m), pct)).join('')}`,
        );
      return rows.length ? areaBlock(label, rows) : '';
    })
    .filter(Boolean);
  if (blocks.length === 0) return '<p>None in this run.</p>';
  const head = headCells([firstColumn, 'Scenario', ...measures.map((m) => MEASURE_INFO[m].label)]);
  return `<table class="areas"><thead><tr>${head}</tr></thead><tbody>\n${blocks.join('\n')}\n</tbody></table>`;
}
