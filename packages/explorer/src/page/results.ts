// The results side of the page: the accountability tables and the briefing pack's charts, from
// the same viz code as report.html (tableSections, CHARTS), redrawn as replications come in.
import { INCREMENTAL_INFO, MEASURE_INFO, type SummaryDocument } from '@smart-settlement/core';
import {
  CHARTS,
  type ChartDefinition,
  FORMATTERS,
  incrementalInterval,
  incrementalText,
  type ResultTables,
  tableSections,
} from '@smart-settlement/viz';
import embed, { type Result } from 'vega-embed';
import type { TopLevelSpec } from 'vega-lite';
import { download, downloadUrl, h } from './dom.js';

/**
 * The headline cards, in the smaller places: the change in retention against the reference, and
 * what each additional person retained after 5 years costs (summary.json's `incremental`, "no
 * gain" where the scenario kept nobody more), as in report.html's first table. With no reference
 * to compare with, the average cost per person still present stands in, labelled as what it is.
 */
const HEADLINES: { measure: string; paired: boolean }[] = [
  { measure: 'retention5', paired: true },
  { measure: 'retention10', paired: true },
];

/** Headline cards: each scenario against the reference (or the reference's own levels when alone). */
export function headlineCards(summary: SummaryDocument): HTMLElement {
  const reference = summary.reference ?? summary.scenarios[0]?.name;
  const others = summary.scenarios.map((s) => s.name).filter((n) => n !== reference);
  const alone = others.length === 0;
  const info = MEASURE_INFO as Record<string, { label: string; format: keyof typeof FORMATTERS } | undefined>;
  const cards = h('div', { class: 'cards' });
  const card = (label: string, value: string, interval: string, scenario: string) =>
    h(
      'div',
      { class: 'card' },
      h('p', { class: 'card-label' }, label),
      h('p', { class: 'card-value' }, value),
      h('p', { class: 'card-interval' }, `90% of replications: ${interval}`),
      h('p', { class: 'card-scope' }, `${scenario}, newcomers to the smaller places`),
    );
  for (const scenario of alone ? [reference] : others) {
    for (const headline of HEADLINES) {
      const paired = headline.paired && !alone;
      const rows = paired ? summary.paired : summary.summary;
      const row = rows.find(
        (r) =>
          r.scenario === scenario && r.area === summary.smallerPlacesArea && r.measure === headline.measure,
      );
      const measureInfo = info[headline.measure];
      if (!row || !measureInfo || !Number.isFinite(row.median)) continue;
      const fmt = paired ? FORMATTERS[measureInfo.format].diff : FORMATTERS[measureInfo.format].format;
      const label = paired ? `${measureInfo.label}: change against ${reference}` : measureInfo.label;
      cards.append(card(label, fmt(row.median), `${fmt(row.lo)} to ${fmt(row.hi)}`, scenario));
    }
    const cost = summary.incremental.find(
      (r) =>
        r.scenario === scenario &&
        r.area === summary.smallerPlacesArea &&
        r.measure === 'costPerAdditionalRetained5',
    );
    if (cost) {
      const label = `${INCREMENTAL_INFO.costPerAdditionalRetained5.label}, against ${reference}`;
      cards.append(
        card(label, incrementalText(cost.measure, cost.median), incrementalInterval(cost), scenario),
      );
    } else if (alone) {
      const average = summary.summary.find(
        (r) =>
          r.scenario === scenario && r.area === summary.smallerPlacesArea && r.measure === 'costPerRetained5',
      );
      const averageInfo = info.costPerRetained5;
      if (average && averageInfo && Number.isFinite(average.median)) {
        const fmt = FORMATTERS[averageInfo.format].format;
        const label = `${averageInfo.label} (average over everyone still there, not the programme's effect)`;
        cards.append(card(label, fmt(average.median), `${fmt(average.lo)} to ${fmt(average.hi)}`, scenario));
      }
    }
  }
  return cards;
}

/**
 * The accountability tables of report.html, from the same viz function (tableSections): each
 * section folded under its title, the first ones open.
 */
export function accountabilityTables(summary: SummaryDocument): HTMLElement {
  const out = h('div', {});
  for (const section of tableSections(summary)) {
    const intro = h('div', { class: 'muted' });
    intro.innerHTML = section.intro; // built by viz with every value escaped
    const wrap = h('div', { class: 'table-wrap' });
    wrap.innerHTML = section.tables; // built by viz with every value escaped
    for (const table of wrap.querySelectorAll('table')) table.setAttribute('aria-label', section.title);
    out.append(
      h(
        'details',
        { class: 'figures', id: `figures-${section.id}`, open: section.open },
        h('summary', {}, section.title),
        intro,
        wrap,
      ),
    );
  }
  return out;
}

/** The briefing pack's charts, drawn with vega and kept for download as SVG and PNG. */
export class ChartPanel {
  private readonly views = new Map<string, Result>();
  private readonly specs = new Map<string, TopLevelSpec>();
  private readonly figures = new Map<string, HTMLElement>();
  private drawing: Promise<void> = Promise.resolve();

  constructor(root: HTMLElement) {
    for (const chart of CHARTS) {
      const holder = h('div', { class: 'chart', 'data-chart': chart.name });
      const svgButton = h('button', { type: 'button', class: 'secondary', disabled: true }, 'Download SVG');
      const pngButton = h('button', { type: 'button', class: 'secondary', disabled: true }, 'Download PNG');
      svgButton.addEventListener('click', () => this.save(chart, 'svg'));
      pngButton.addEventListener('click', () => this.save(chart, 'png'));
      svgButton.setAttribute('aria-label', `Download the chart "${chart.caption}" as SVG`);
      pngButton.setAttribute('aria-label', `Download the chart "${chart.caption}" as PNG`);
      const figure = h(
        'figure',
        { id: `chart-${chart.name}`, class: 'chart-figure' },
        holder,
        h(
          'figcaption',
          {},
          h('span', {}, chart.caption),
          h('span', { class: 'downloads' }, svgButton, pngButton),
        ),
      );
      this.figures.set(chart.name, figure);
      root.append(figure);
    }
  }

  /** The spec last drawn for a chart (for scripts and tests). */
  spec(name: string): TopLevelSpec | undefined {
    return this.specs.get(name);
  }

  /** Redraws every chart from new tables (after the previous drawing has finished). */
  draw(tables: ResultTables): Promise<void> {
    this.drawing = this.drawing.then(() => this.drawAll(tables)).catch((e) => console.error(e));
    return this.drawing;
  }

  private async drawAll(tables: ResultTables): Promise<void> {
    for (const chart of CHARTS) {
      const figure = this.figures.get(chart.name)!;
      const holder = figure.querySelector<HTMLElement>('.chart')!;
      const why = chart.unavailable?.(tables);
      const buttons = figure.querySelectorAll('button');
      if (why) {
        this.views.get(chart.name)?.finalize();
        this.views.delete(chart.name);
        this.specs.delete(chart.name);
        holder.replaceChildren(h('p', { class: 'unavailable' }, `Not drawn: ${why}.`));
        for (const b of buttons) b.disabled = true;
        continue;
      }
      const spec = chart.build(tables);
      // Draw off-screen, then swap, so the page does not jump while a chart is redrawn.
      const next = h('div', { class: 'chart-canvas' });
      const result = await embed(next, spec as never, { renderer: 'svg', actions: false });
      const svgEl = next.querySelector('svg');
      svgEl?.setAttribute('role', 'img');
      svgEl?.setAttribute('aria-label', `${chart.caption}. ${titleText(spec)}`);
      holder.replaceChildren(next);
      this.views.get(chart.name)?.finalize();
      this.views.set(chart.name, result);
      this.specs.set(chart.name, spec);
      for (const b of buttons) b.disabled = false;
    }
  }

  private async save(chart: ChartDefinition, format: 'svg' | 'png'): Promise<void> {
    const result = this.views.get(chart.name);
    if (!result) return;
    if (format === 'svg') download(`${chart.name}.svg`, await result.view.toSVG(), 'image/svg+xml');
    else {
      downloadUrl(`${chart.name}.png`, await result.view.toImageURL('png', 2));
    }
  }
}

function titleText(spec: TopLevelSpec): string {
  const t = (spec as { title?: string | { text?: string | string[] } }).title;
  const text = typeof t === 'string' ? t : t?.text;
  return Array.isArray(text) ? text.join(' ') : (text ?? '');
}
