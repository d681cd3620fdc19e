import type { IntakeSpec, PlaceKind, PlaceSpec } from './config.js';
import { OCCUPATIONS } from './config.js';

/**
 * The place table: the fixed attributes of each place and its changing state, in
 * columns indexed by place. Place-by-origin and place-by-occupation quantities are
 * flattened as [place * groups + group].
 */
export class PlaceState {
  readonly n: number;
  readonly names: string[];
  readonly kinds: PlaceKind[];
  readonly smaller: Uint8Array;
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  readonly origins: number;

  // fixed attributes
  readonly basePopulation: Float64Array;
  readonly vacancyRate: Float64Array;
  readonly wageIndex: Float64Array;
  readonly costOfLiving: Float64Array;
  readonly amenity: Float64Array;
  readonly learningAccess: Float64Array;
  readonly champion: Float64Array;
  readonly diversityCommitment: Float64Array;
  readonly recognisedNeed: Float64Array;
  readonly baseLeadership: Float64Array;
  readonly baseInclusion: Float64Array;
  readonly baseOpenness: Float64Array;
  /** Immigrant stock at the start, by origin group: [place * origins + origin]. */
  readonly baseStock: Float64Array;

  // state
  population: Float64Array;
  stock: Float64Array;
  leadership: Float64Array;
  inclusion: Float64Array;
  hostOpenness: Float64Array;
  initiatives: Float64Array;
  institutions: Float64Array;
  /** Vacancies open to newcomers this year, by occupation: [place * 3 + occupation]. */
  vacancies: Float64Array;
  /** Vacancies left unfilled at the end of the year (the labour-demand gap). */
  unfilled: Float64Array;
  /** Newcomer agents present, engaged, in matched jobs; sum of equity (for means). */
  newcomers: Float64Array;
  engaged: Float64Array;
  matched: Float64Array;
  equitySum: Float64Array;

  constructor(specs: PlaceSpec[], intake: IntakeSpec) {
    const n = specs.length;
    this.n = n;
    this.names = specs.map((p) => p.name);
    this.kinds = specs.map((p) => p.kind);
    this.smaller = Uint8Array.from(specs, (p) => (p.smaller ? 1 : 0));
    const col = (f: (p: PlaceSpec) => number) => Float64Array.from(specs, f);
    this.lat = col((p) => p.lat);
    this.lon = col((p) => p.lon);
    this.basePopulation = col((p) => p.population);
    this.vacancyRate = col((p) => p.vacancyRate);
    this.wageIndex = col((p) => p.wageIndex);
    this.costOfLiving = col((p) => p.costOfLiving);
    this.amenity = col((p) => p.amenity);
    this.learningAccess = col((p) => p.learningAccess);
    this.champion = col((p) => p.champion);
    this.diversityCommitment = col((p) => p.diversityCommitment);
    this.recognisedNeed = col((p) => p.recognisedNeed);
    this.baseLeadership = col((p) => p.leadership);
    this.baseInclusion = col((p) => p.inclusion);
    this.baseOpenness = col((p) => p.hostOpenness);
    const g = intake.originShares.length;
    this.origins = g;
    // Assumption: the stock of each place has the intake's origin mix (no place-level data found).
    this.baseStock = new Float64Array(n * g);
    for (let p = 0; p < n; p++) {
      for (let o = 0; o < g; o++) {
        this.baseStock[p * g + o] = specs[p].population * specs[p].foreignBornShare * intake.originShares[o];
      }
    }
    this.population = this.basePopulation.slice();
    this.stock = this.baseStock.slice();
    this.leadership = this.baseLeadership.slice();
    this.inclusion = this.baseInclusion.slice();
    this.hostOpenness = this.baseOpenness.slice();
    this.initiatives = col((p) => p.initiatives);
    this.institutions = col((p) => p.institutions);
    this.vacancies = new Float64Array(n * OCCUPATIONS.length);
    this.unfilled = new Float64Array(n * OCCUPATIONS.length);
    this.newcomers = new Float64Array(n);
    this.engaged = new Float64Array(n);
    this.matched = new Float64Array(n);
    this.equitySum = new Float64Array(n);
  }

  /** Index of a place by name, or -1. */
  indexOf(name: string): number {
    return this.names.indexOf(name);
  }
}
