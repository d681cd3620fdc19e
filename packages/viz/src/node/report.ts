import { RESULT_FILES, type SummaryDocument } from '@smart-settlement/core';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartDefinition } from '../charts/index.js';
import { escapeHtml, scriptJson } from '../html-text.js';
import { dollars, incrementalInterval, incrementalText } from '../number-text.js';
import { type TableSection, tableSections } from '../table-sections.js';
import type { ResultTables } from '../tables.js';
import { EMBED_OPTIONS } from './html.js';
import { vendorScripts } from './vendor.js';

/** A chart as the report shows it: its definition and the spec built from the tables. */
export interface ReportChart {
  chart: ChartDefinition;
  spec: TopLevelSpec;
}

/** Options of the report. */
export interface ReportOptions {
  /**
   * Link to the model's documentation. The default, `../docs/MODEL.md`, resolves when the
   * results folder sits at the top of a Smart Settlement checkout (as `npm start`'s `out/`).
   */
  modelDocs?: string;
  /** Charts left out, with the reason (listed under the charts). */
  skipped?: { chart: ChartDefinition; why: string }[];
}

/** A section of the accountability tables as the report shows it: a heading, its paragraph, its tables. */
function sectionHtml(section: TableSection): string {
  return `<h2 id="${escapeHtml(section.id)}">${escapeHtml(section.title)}</h2>\n${section.intro}\n${section.tables}`;
}

/** A policy's levers as a definition list, nested levers flattened to dotted names. */
function leverList(levers: Record<string, unknown>): string {
  const items: string[] = [];
  const walk = (prefix: string, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) if (k !== 'type') walk(prefix ? `${prefix}.${k}` : k, v);
    } else items.push(`<dt>${escapeHtml(prefix)}</dt><dd>${escapeHtml(JSON.stringify(value))}</dd>`);
  };
  walk('', levers);
  return `<dl class="levers">${items.join('')}</dl>`;
}

/** The policies of each scenario, their levers and what they cost. */
function policiesSection(summary: SummaryDocument): string {
  const cost = (scenario: string, measure: string) =>
    summary.summary.find(
      (r) => r.scenario === scenario && r.area === summary.region && r.measure === measure,
    );
  return summary.scenarios
    .map((s) => {
      const total = cost(s.name, 'programmeCost');
      const extra = (summary.incremental ?? []).find(
        (r) =>
          r.scenario === s.name &&
          r.area === summary.smallerPlacesArea &&
          r.measure === 'costPerAdditionalRetained5',
      );
      const average = summary.summary.find(
        (r) =>
          r.scenario === s.name && r.area === summary.smallerPlacesArea && r.measure === 'costPerRetained5',
      );
      const perExtra = extra
        ? `; per additional newcomer kept in a smaller place after 5 years: <strong>${escapeHtml(incrementalText(extra.measure, extra.median))}</strong> (${escapeHtml(incrementalInterval(extra))})`
        : '';
      const perAverage = average
        ? `; average over every newcomer still in a smaller place after 5 years, including those who would have stayed anyway: ${dollars(average.median)}`
        : '';
      const costLine =
        total && total.median !== 0
          ? `<p>Net programme cost over the run: <strong>${dollars(total.median)}</strong> (${dollars(total.lo)} to ${dollars(total.hi)})${perExtra}${perAverage}.</p>`
          : '<p>No programme cost.</p>';
      const policies = s.policies.length
        ? s.policies
            .map(
              (p) =>
                `<h4>${escapeHtml(p.name)} <small>(${escapeHtml(p.kind)})</small></h4>${leverList(p.levers)}`,
            )
            .join('\n')
        : '<p>No policy: the reference against which the others are compared.</p>';
      return `<section class="scenario"><h3>${escapeHtml(s.name)}</h3><p>${escapeHtml(s.description)}</p>${costLine}${policies}</section>`;
    })
    .join('\n');
}

const STYLE = `
body{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;color:#222;max-width:1180px;margin:24px auto;padding:0 20px;line-height:1.45}
h1{font-size:26px;margin-bottom:4px}h2{margin-top:36px;border-bottom:1px solid #ddd;padding-bottom:4px}
.facts{color:#555}table{border-collapse:collapse;font-size:14px;margin:8px 0 16px}
th,td{border-bottom:1px solid #e4e4e4;padding:6px 10px;text-align:right;vertical-align:top}
th[scope=row]{text-align:left;font-weight:normal}thead th{border-bottom:2px solid #999}
.interval{color:#666;font-size:12px}figure{margin:24px 0 40px}figcaption{color:#555;font-size:13px}
.chart{min-height:120px}code,pre{background:#f4f4f4;padding:2px 5px;border-radius:3px}pre{padding:10px;overflow-x:auto}
dl.levers{display:grid;grid-template-columns:max-content auto;gap:2px 16px;font-size:13px}dl.levers dt{color:#555}dl.levers dd{margin:0;font-family:monospace}
.scenario{margin-bottom:18px}table.accounts td strong{font-size:15px}
table.areas thead th{position:sticky;top:0;z-index:1;background:#fff;box-shadow:inset 0 -2px 0 #999}table.areas th[scope=rowgroup]{text-align:left;font-weight:bold;vertical-align:top}
table.areas tr.block-start>*{border-top:2px solid #bbb}table.areas .group-start{border-left:1px solid #ccc}
table.areas td.scenario{text-align:left;color:#333}table.areas td,table.areas th{padding:4px 8px}table.shares .interval{white-space:nowrap}td.note{color:#666;font-size:12px;text-align:left;max-width:160px}nav.contents{font-size:14px;line-height:1.7}
`;

/**
 * The briefing report: the accountability figures, every chart (drawn by the inlined vega,
 * vega-lite and vega-embed, with links to the chart files), the policies' levers and costs,
 * the method and the line that reproduces the results. One self-contained, offline page;
 * the same tables always give the same bytes.
 * @example
 * writeFileSync('out/report.html', reportHtml(tables, CHARTS.map((chart) => ({ chart, spec: chart.build(tables) }))));
 */
export function reportHtml(tables: ResultTables, charts: ReportChart[], options: ReportOptions = {}): string {
  const s = tables.summary;
  const names = s.scenarios.map((x) => x.name);
  const reference = s.reference ?? names[0];
  const lastYear = s.startYear + s.years - 1;
  const pct = Math.round(s.interval * 100);
  const figures = charts
    .map(
      ({ chart }, i) => `<figure id="${escapeHtml(chart.name)}">
<div class="chart" id="chart-${i}" data-chart="${escapeHtml(chart.name)}"><noscript><img src="${RESULT_FILES.charts}/${escapeHtml(chart.name)}.svg" alt="${escapeHtml(chart.caption)}"></noscript></div>
<figcaption>${escapeHtml(chart.caption)}. Files: <a href="${RESULT_FILES.charts}/${escapeHtml(chart.name)}.png">PNG</a> · <a href="${RESULT_FILES.charts}/${escapeHtml(chart.name)}.svg">SVG</a> · <a href="${RESULT_FILES.charts}/${escapeHtml(chart.name)}.html">HTML</a> · <a href="${RESULT_FILES.charts}/${escapeHtml(chart.name)}.vl.json">Vega-Lite spec</a></figcaption>
</figure>`,
    )
    .join('\n');
  const contents = charts
    .map(({ chart }) => `<li><a href="#${escapeHtml(chart.name)}">${escapeHtml(chart.caption)}</a></li>`)
    .join('');
  const specs = scriptJson(charts.map((c) => c.spec));
  const sections = tableSections(s);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Smart Settlement briefing pack: ${escapeHtml(names.join(', '))}</title>
<style>${STYLE}</style>
${vendorScripts()}
</head>
<body>
<h1>Smart Settlement briefing pack</h1>
<p class="facts">${escapeHtml(s.region)}, ${s.startYear}–${lastYear}. Scenarios: ${escapeHtml(names.join(', '))}; reference: ${escapeHtml(reference)}. Seed ${s.seed}, ${s.replications} replications, one agent for ${s.agentScale} people. ${escapeHtml(s.library.name)} ${escapeHtml(s.library.version)}.</p>
<p>Every figure is a median across replications with the ${pct}% interval of the replications beneath it. These are outcomes of a simulation model under stated assumptions, not forecasts.</p>
<nav class="contents"><strong>Tables:</strong> ${sections.map((x) => `<a href="#${escapeHtml(x.id)}">${escapeHtml(x.title)}</a>`).join(' · ')} · <a href="#charts">Charts</a></nav>
${sections
  .filter((x) => !x.annex)
  .map(sectionHtml)
  .join('\n')}
<h2 id="charts">Charts</h2>
<ol>${contents}</ol>
${figures}
${(options.skipped ?? []).map(({ chart, why }) => `<p class="skipped">Not drawn: ${escapeHtml(chart.caption)} (${escapeHtml(chart.name)}): ${escapeHtml(why)}.</p>`).join('\n')}
${sections
  .filter((x) => x.annex)
  .map(sectionHtml)
  .join('\n')}
<h2>Policies, levers and costs</h2>
${policiesSection(s)}
<h2>Method</h2>
<p>Smart Settlement is an agent-based model: each year newcomers arrive in ${escapeHtml(s.region)}'s places, look for work that matches their skills, build ties and community equity, and decide whether to stay, move within the region or leave; places respond through vacancies, wages, services and community leadership, and policies act at documented points of that schedule. Every outcome here comes from those mechanisms, calibrated so the baseline reproduces observed retention. Each scenario was run ${s.replications} times with the same seeds, and the figures summarise those replications. The model, its submodels, parameters and evidence are documented in <a href="${escapeHtml(options.modelDocs ?? '../docs/MODEL.md')}">docs/MODEL.md</a>.</p>
<h2>Reproduce</h2>
<p>This folder holds the tables behind every chart (${RESULT_FILES.summary}, ${RESULT_FILES.retention}, ${RESULT_FILES.flows}, ${RESULT_FILES.cohorts}, ${RESULT_FILES.places}, ${RESULT_FILES.measures}) and ${RESULT_FILES.manifest}, which records every scenario with all its defaults, the seed and the replications. From the folder above it, with RESULTS standing for this folder's name:</p>
<pre><code>settle run --from RESULTS/${RESULT_FILES.manifest}</code></pre>
<p>reruns the simulation and rewrites the folder byte for byte, this report included; <code>settle report RESULTS</code> redraws the charts and this report from the saved tables without rerunning.</p>
<script>
(function () {
  var specs = ${specs};
  specs.forEach(function (spec, i) {
    vegaEmbed('#chart-' + i, spec, ${JSON.stringify(EMBED_OPTIONS)}).catch(function (e) {
      console.error(e);
    });
  });
})();
</script>
</body>
</html>
`;
}
