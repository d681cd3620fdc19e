import type { PlaceKind, PlaceSpec } from '@smart-settlement/core';
import type { ObservedPlace } from './ontario-places.js';

/**
 * The documented assumptions that turn observed places into the attributes the model
 * needs. Every rule here is listed in docs/MODEL.md ("Input data") with its range; a
 * scenario file can override any attribute of any place.
 */
export const PLACE_ASSUMPTIONS = {
  /** Population at or above which a place is a metro; below smallCentreBelow it is a small centre. */
  metroFrom: 500_000,
  smallCentreBelow: 100_000,
  /** Vacancies open to newcomers a year per resident, at zero growth (range 0.006-0.02). */
  vacancyRate: 0.011,
  /** Growth 2016-2021 (percent) raises vacancies by this share per point (range 0-0.1). */
  vacancyPerGrowthPoint: 0.05,
  /** Urban wage premium: elasticity of wages to population (range 0.02-0.05; Combes, Duranton & Gobillon 2008). */
  wageElasticity: 0.04,
  /** Cost of living rises faster with size, mostly housing (elasticity, range 0.03-0.08). */
  costElasticity: 0.05,
  /** Reference population for wage and cost indices (1.0 at this size). */
  referencePopulation: 400_000,
  /** Amenity lost per 500 km from Toronto (remoteness, range 0-0.5). */
  remotenessPer500km: 0.1,
  /** Learning access: 0.4 at 50,000 people, plus this per tenfold population (range 0.1-0.3), clamped to 0.2-1. */
  learningPerDecade: 0.2,
  /** Starting institutional state (0-1) where nothing is known (range 0.1-0.5 each). */
  leadership: 0.3,
  inclusion: 0.3,
  /** Host openness = openBase + openPerForeignBorn x foreign-born share (diverse places are more open). */
  openBase: 0.25,
  openPerForeignBorn: 0.8,
  /** Initiatives in force and network institutions at the start, by kind (range 2-6 and 3-12). */
  initiatives: 3,
  institutions: { metro: 10, 'mid-size': 6, small: 4 } as Record<PlaceKind, number>,
  /** Readiness for an engagement pilot where nothing is known: champion and commitment (0-1). */
  champion: 0.5,
  diversityCommitment: 0.5,
} as const;

const TORONTO = { lat: 43.653, lon: -79.383 };

/** Great-circle distance in km. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(a));
}

/**
 * Foreign-born share where it was not found: a least-squares line of the observed share
 * on log10 population, fitted on the places that have it (an assumption, reported in
 * docs/MODEL.md with its coefficients).
 */
export function foreignBornFit(places: readonly ObservedPlace[]): { intercept: number; slope: number } {
  const known = places.filter((p) => p.foreignBornPct2021 !== null);
  const xs = known.map((p) => Math.log10(p.population));
  const ys = known.map((p) => p.foreignBornPct2021! / 100);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  const slope = sxy / sxx;
  return { intercept: my - slope * mx, slope };
}

/** Median of the observed growth rates, used where growth was not found. */
export function medianGrowth(places: readonly ObservedPlace[]): number {
  const g = places
    .map((p) => p.growth2016to2021Pct)
    .filter((x): x is number => x !== null)
    .sort((a, b) => a - b);
  const m = g.length >> 1;
  return g.length % 2 ? g[m] : (g[m - 1] + g[m]) / 2;
}

/** Which attributes of a place were observed and which were assumed, for the report and docs. */
export interface PlaceProvenance {
  name: string;
  observed: string[];
  assumed: string[];
}

/** Builds the model's place from an observed place and the assumptions. */
export function placeFromObserved(
  p: ObservedPlace,
  fit: { intercept: number; slope: number },
  growthWhenMissing: number,
): { spec: PlaceSpec; provenance: PlaceProvenance } {
  const A = PLACE_ASSUMPTIONS;
  const kind: PlaceKind =
    p.population >= A.metroFrom ? 'metro' : p.population < A.smallCentreBelow ? 'small' : 'mid-size';
  const observed = ['population', 'lat', 'lon'];
  const assumed = [
    'vacancyRate',
    'wageIndex',
    'costOfLiving',
    'amenity',
    'learningAccess',
    'institutions',
    'readiness',
  ];
  let fb: number;
  if (p.foreignBornPct2021 !== null) {
    fb = p.foreignBornPct2021 / 100;
    observed.push('foreignBornShare');
  } else {
    fb = Math.max(0.03, fit.intercept + fit.slope * Math.log10(p.population));
    assumed.push('foreignBornShare');
  }
  const growth = p.growth2016to2021Pct ?? growthWhenMissing;
  (p.growth2016to2021Pct === null ? assumed : observed).push('growth');
  const size = p.population / A.referencePopulation;
  const km = distanceKm(p.lat, p.lon, TORONTO.lat, TORONTO.lon);
  // Recognised need: places with low growth and few immigrants have most to gain.
  const need = clamp01(0.5 * (1 - growth / 10) + 0.5 * (1 - fb / 0.3));
  const spec: PlaceSpec = {
    name: p.name,
    kind,
    population: p.population,
    lat: p.lat,
    lon: p.lon,
    foreignBornShare: fb,
    vacancyRate: A.vacancyRate * (1 + A.vacancyPerGrowthPoint * growth),
    wageIndex: size ** A.wageElasticity,
    costOfLiving: size ** A.costElasticity,
    amenity: (-A.remotenessPer500km * km) / 500,
    learningAccess: Math.min(1, Math.max(0.2, 0.4 + A.learningPerDecade * Math.log10(p.population / 50_000))),
    leadership: A.leadership,
    inclusion: A.inclusion,
    hostOpenness: clamp01(A.openBase + A.openPerForeignBorn * fb),
    initiatives: A.initiatives,
    institutions: A.institutions[kind],
    champion: A.champion,
    diversityCommitment: A.diversityCommitment,
    recognisedNeed: need,
    smaller: kind !== 'metro',
  };
  return { spec, provenance: { name: p.name, observed, assumed } };
}

function clamp01(x: number): number {
  return x < 0 ? 0 : Math.min(x, 1);
}
