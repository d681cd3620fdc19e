import type { Measure } from '../measures.js';
import type { SummaryRow } from '../summarize.js';

/** A median with its interval. */
export interface Band {
  median: number;
  lo: number;
  hi: number;
}

/**
 * Where the newcomers of one first-place group (a place, the smaller places, mid-size
 * cities, small centres, or the people a policy acted on) are some years after arrival, as
 * shares of those who arrived: each a median across replications with its interval. The
 * four medians add up to about 1 (medians of shares need not add up exactly).
 */
export interface DestinationRow {
  scenario: string;
  area: string;
  yearsSinceArrival: number;
  /** Still in their first place (retention). */
  stillThere: Band;
  /** In a metro (a place not among the smaller places). */
  movedToMetro: Band;
  /** In a smaller place other than their first. */
  movedToSmaller: Band;
  /** Out of the region. */
  leftRegion: Band;
}

/** The destination shares and the measures they come from, by years since arrival. */
export const DESTINATION_MEASURES: readonly {
  yearsSinceArrival: number;
  stillThere: Measure;
  movedToMetro: Measure;
  movedToSmaller: Measure;
  leftRegion: Measure;
}[] = [
  {
    yearsSinceArrival: 5,
    stillThere: 'retention5',
    movedToMetro: 'movedToMetro5',
    movedToSmaller: 'movedToSmaller5',
    leftRegion: 'leftRegion5',
  },
  {
    yearsSinceArrival: 10,
    stillThere: 'retention10',
    movedToMetro: 'movedToMetro10',
    movedToSmaller: 'movedToSmaller10',
    leftRegion: 'leftRegion10',
  },
];

/**
 * The destination shares of every scenario and area that has them (not the region, whose
 * newcomers are "still there" wherever they live in it), from the summary's rows.
 * @example
 * destinationRows(result.summary).filter((d) => d.area === 'Smaller places' && d.yearsSinceArrival === 10);
 */
export function destinationRows(summary: readonly SummaryRow[]): DestinationRow[] {
  const find = new Map(summary.map((r) => [`${r.scenario}|${r.area}|${r.measure}`, r]));
  const band = (scenario: string, area: string, measure: Measure): Band | undefined => {
    const r = find.get(`${scenario}|${area}|${measure}`);
    return r && { median: r.median, lo: r.lo, hi: r.hi };
  };
  const out: DestinationRow[] = [];
  for (const r of summary) {
    for (const d of DESTINATION_MEASURES) {
      if (r.measure !== d.movedToMetro) continue;
      const stillThere = band(r.scenario, r.area, d.stillThere);
      const movedToSmaller = band(r.scenario, r.area, d.movedToSmaller);
      const leftRegion = band(r.scenario, r.area, d.leftRegion);
      if (!stillThere || !movedToSmaller || !leftRegion) continue;
      out.push({
        scenario: r.scenario,
        area: r.area,
        yearsSinceArrival: d.yearsSinceArrival,
        stillThere,
        movedToMetro: { median: r.median, lo: r.lo, hi: r.hi },
        movedToSmaller,
        leftRegion,
      });
    }
  }
  return out.sort((a, b) => a.yearsSinceArrival - b.yearsSinceArrival);
}
