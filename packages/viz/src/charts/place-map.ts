import type { TopLevelSpec } from 'vega-lite';
import type { ChartOptions } from '../layers.js';
import { tidy } from '../stats.js';
import type { ResultTables } from '../tables.js';
import { textWidth } from '../text-width.js';
import { chartTitle, THEME, WIDTH } from '../theme.js';

const LABEL_SIZE = 10;
/** Circle areas in square pixels for no one and for the largest place. */
const MIN_AREA = 30;
const MAX_AREA = 900;

/** Where a place's name goes relative to its circle, and the text mark that puts it there. */
const LABEL_PLACEMENTS = [
  { placement: 'right', mark: { align: 'left' as const, baseline: 'middle' as const } },
  { placement: 'left', mark: { align: 'right' as const, baseline: 'middle' as const } },
  { placement: 'above', mark: { align: 'center' as const, baseline: 'bottom' as const } },
  { placement: 'below', mark: { align: 'center' as const, baseline: 'top' as const } },
];

/** A place's name without a parenthesised qualifier ("Ottawa (Ontario part)" -> "Ottawa"). */
function shortName(name: string): string {
  return name.replace(/ \(.*\)$/, '');
}

/** Where a name goes: a placement (which side of its circle) and the anchor's longitude and latitude. */
export interface LabelPlacement {
  placement: string;
  lon: number;
  lat: number;
}

/**
 * Places the names of the given places (largest first) beside their circles, on the side
 * that overlaps no circle and no name already placed, on the Mercator projection fitted to
 * the panel as vega fits it; the anchor is moved out by the circle's radius and returned in
 * longitude and latitude, so names in a cluster do not collide.
 */
export function placeLabels(
  places: { name: string; lon: number; lat: number; population: number }[],
  named: Set<string>,
  width: number,
  height: number,
  maxPopulation: number,
): Map<string, LabelPlacement> {
  const toY = (lat: number) => -Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const fromY = (y: number) => ((2 * Math.atan(Math.exp(-y)) - Math.PI / 2) * 180) / Math.PI;
  const xs = places.map((p) => (p.lon * Math.PI) / 180);
  const ys = places.map((p) => toY(p.lat));
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const k = Math.min(width / (x1 - x0 || 1), height / (y1 - y0 || 1));
  const px = (x: number) => (x - (x0 + x1) / 2) * k + width / 2;
  const py = (y: number) => (y - (y0 + y1) / 2) * k + height / 2;
  const radius = (pop: number) =>
    Math.sqrt((MIN_AREA + ((MAX_AREA - MIN_AREA) * pop) / maxPopulation) / Math.PI);
  type Box = [number, number, number, number];
  const boxes: Box[] = places.map((p, i) => {
    const r = radius(p.population);
    return [px(xs[i]) - r, py(ys[i]) - r, px(xs[i]) + r, py(ys[i]) + r];
  });
  const free = (b: Box) => !boxes.some((o) => b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]);
  const order = places.map((_, i) => i).sort((a, b) => places[b].population - places[a].population);
  const chosen = new Map<string, LabelPlacement>();
  for (const i of order) {
    if (!named.has(places[i].name)) continue;
    const [x, y, r] = [px(xs[i]), py(ys[i]), radius(places[i].population) + 2];
    const w = textWidth(shortName(places[i].name), LABEL_SIZE);
    const h = LABEL_SIZE + 2;
    // [placement, anchor x, anchor y, box]
    const candidates: [string, number, number, Box][] = [
      ['right', x + r, y, [x + r, y - h / 2, x + r + w, y + h / 2]],
      ['left', x - r, y, [x - r - w, y - h / 2, x - r, y + h / 2]],
      ['above', x, y - r, [x - w / 2, y - r - h, x + w / 2, y - r]],
      ['below', x, y + r, [x - w / 2, y + r, x + w / 2, y + r + h]],
    ];
    const [placement, ax, ay, box] = candidates.find((c) => free(c[3])) ?? candidates[0];
    boxes.push(box);
    chosen.set(places[i].name, {
      placement,
      lon: tidy((((ax - width / 2) / k + (x0 + x1) / 2) * 180) / Math.PI),
      lat: tidy(fromY((ay - height / 2) / k + (y0 + y1) / 2)),
    });
  }
  return chosen;
}

/** Options of the map. */
export interface PlaceMapOptions extends ChartOptions {
  /** Retention measure compared (default retention5). */
  measure?: string;
  /** Places are named unless a larger place lies within this many degrees (default 0.9), so clusters stay legible. */
  labelSpacing?: number;
}

/**
 * One row per (scenario other than the reference, place): coordinates, population and the
 * paired change in retention against the reference, in percentage points.
 */
export function placeMapData(
  tables: ResultTables,
  measure: string,
  labelSpacing: number,
  panelWidth: number,
  panelHeight: number,
) {
  const { summary } = tables;
  const named = new Set(
    summary.places
      .filter(
        (p) =>
          !summary.places.some(
            (q) => q.population > p.population && Math.hypot(q.lon - p.lon, q.lat - p.lat) < labelSpacing,
          ),
      )
      .map((p) => p.name),
  );
  const change = new Map(
    summary.paired.filter((r) => r.measure === measure).map((r) => [`${r.scenario}|${r.area}`, r]),
  );
  const maxPopulation = Math.max(...summary.places.map((p) => p.population));
  const labels = placeLabels(summary.places, named, panelWidth, panelHeight, maxPopulation);
  const others = summary.scenarios.map((s) => s.name).filter((n) => n !== summary.reference);
  return others.flatMap((scenario) =>
    summary.places.map((p) => {
      const d = change.get(`${scenario}|${p.name}`);
      return {
        scenario,
        place: p.name,
        lon: p.lon,
        lat: p.lat,
        population: p.population,
        label: named.has(p.name) ? shortName(p.name) : '',
        placement: labels.get(p.name)?.placement ?? 'none',
        labelLon: labels.get(p.name)?.lon ?? p.lon,
        labelLat: labels.get(p.name)?.lat ?? p.lat,
        change: d ? tidy(d.median * 100) : null,
        lo: d ? tidy(d.lo * 100) : null,
        hi: d ? tidy(d.hi * 100) : null,
      };
    }),
  );
}

/**
 * A map of the region's places (longitude and latitude, no basemap), each a circle sized by
 * population and coloured by the change in 5-year retention against the reference
 * scenario; one panel per scenario.
 * @example
 * const spec = placeMapSpec(tables, { measure: 'retention10' });
 */
export function placeMapSpec(tables: ResultTables, options: PlaceMapOptions = {}): TopLevelSpec {
  const measure = options.measure ?? 'retention5';
  const years = measure.replace(/\D/g, '');
  const width = options.width ?? WIDTH;
  const panel = Math.floor((width - 40) / 2);
  const panelHeight = Math.round(panel * 0.8);
  const data = placeMapData(tables, measure, options.labelSpacing ?? 0.9, panel, panelHeight);
  const maxPopulation = Math.max(...tables.summary.places.map((p) => p.population));
  const reach = Math.max(0.5, ...data.map((d) => Math.abs(d.change ?? 0)));
  const limit = Math.ceil(reach * 2) / 2;
  const reference = tables.summary.reference ?? 'the reference';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(
      tables,
      `Where retention changes: ${years}-year retention against ${reference}`,
      width,
      `Each circle is a place, sized by population, coloured by the change in the share still there ${years} years after arrival (paired replications; orange: more stay, blue: fewer).`,
    ),
    data: { values: data },
    facet: {
      field: 'scenario',
      type: 'nominal',
      title: null,
      sort: tables.summary.scenarios.map((s) => s.name),
    },
    columns: 2,
    spec: {
      width: panel,
      height: panelHeight,
      projection: { type: 'mercator' },
      layer: [
        {
          mark: { type: 'circle', stroke: '#333333', strokeWidth: 0.6, opacity: 0.9 },
          encoding: {
            longitude: { field: 'lon', type: 'quantitative' },
            latitude: { field: 'lat', type: 'quantitative' },
            size: {
              field: 'population',
              type: 'quantitative',
              title: 'Population',
              scale: { domain: [0, maxPopulation], range: [MIN_AREA, MAX_AREA] },
              legend: {
                values: [100_000, 1_000_000, 5_000_000],
                labelExpr: "datum.value >= 1e6 ? datum.value / 1e6 + ' million' : format(datum.value, ',d')",
                orient: 'bottom',
                direction: 'horizontal',
              },
            },
            color: {
              field: 'change',
              type: 'quantitative',
              title: `Change in ${years}-year retention (percentage points)`,
              scale: { scheme: 'blueorange', domain: [-limit, limit], domainMid: 0 },
              legend: {
                format: '+.1~f',
                orient: 'bottom',
                gradientLength: 240,
                titleOrient: 'top',
                titleLimit: 400,
              },
            },
            order: { field: 'population', sort: 'descending' },
            tooltip: [
              { field: 'place', title: 'Place' },
              { field: 'population', title: 'Population', format: ',' },
              { field: 'change', title: 'Change, points', format: '+.2f' },
              { field: 'lo', title: 'Low end', format: '+.2f' },
              { field: 'hi', title: 'High end', format: '+.2f' },
            ],
          },
        },
        ...LABEL_PLACEMENTS.map(({ placement, mark }) => ({
          transform: [{ filter: { field: 'placement', equal: placement } }],
          mark: { type: 'text' as const, fontSize: LABEL_SIZE, color: '#333333', ...mark },
          encoding: {
            longitude: { field: 'labelLon', type: 'quantitative' as const },
            latitude: { field: 'labelLat', type: 'quantitative' as const },
            text: { field: 'label' },
          },
        })),
      ],
    },
    config: THEME,
  };
}
