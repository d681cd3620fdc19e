import { intakeClasses, type PlaceKind } from '../config.js';
import {
  INCREMENTAL_INFO,
  INCREMENTAL_MEASURES,
  type IncrementalMeasure,
  type IncrementalRow,
} from '../incremental.js';
import { MEASURE_INFO, MEASURES, type Measure } from '../measures.js';
import type { ModelConfig } from '../model-config.js';
import { SMALLER_PLACES } from '../observe/areas.js';
import type { PolicyFacts } from '../policy.js';
import { DEFAULT_INTERVAL, type SummaryRow } from '../summarize.js';
import { VERSION } from '../version.js';
import { type DestinationRow, destinationRows } from './destinations.js';

/** A policy as summary.json lists it: its name, kind, levers and the facts charts use. */
export interface PolicySummary {
  name: string;
  kind: string;
  levers: Record<string, unknown>;
  /** Absent in folders written before facts were recorded, and for policies with none. */
  facts?: PolicyFacts;
}

/** A scenario as summary.json lists it. */
export interface ScenarioSummary {
  name: string;
  description: string;
  policies: PolicySummary[];
}

/** A place as summary.json lists it (coordinates, size, which fields are observed or assumed). */
export interface PlaceSummary {
  name: string;
  kind: PlaceKind | string;
  population: number;
  lat: number;
  lon: number;
  smaller: boolean;
  /** Attributes taken from observed data (empty when unknown). */
  observed: string[];
  /** Attributes set by an assumption (empty when unknown). */
  assumed: string[];
}

/**
 * The summary.json of a results folder: what was run, and the median with its interval of
 * every measure, by scenario and area, with the paired differences against the reference.
 * Written by `settle run` and `settle compare`, read by the charts and the report.
 */
export interface SummaryDocument {
  library: { name: string; version: string };
  region: string;
  smallerPlacesArea: string;
  seed: number;
  replications: number;
  years: number;
  startYear: number;
  agentScale: number;
  /** Width of the intervals, e.g. 0.9. */
  interval: number;
  /** The scenario every paired difference is taken against. */
  reference?: string;
  scenarios: ScenarioSummary[];
  places: PlaceSummary[];
  /**
   * The immigrant classes of the intake, by name (e.g. "economic"), when it has more than one:
   * each is an area (`classArea`), and so is each group of places or of people by class
   * (`classGroupArea`). Empty for one class (absent in folders written before).
   */
  classes?: string[];
  /** The figure a briefing leads with: cost per additional person retained in the smaller places. */
  headline: { measure: IncrementalMeasure; area: string; label: string };
  /** What each measure means (MEASURE_INFO's and INCREMENTAL_INFO's descriptions). */
  measures: Record<string, string>;
  /**
   * Cost per additional person retained (5 and 10 years) and additional person-years per
   * million dollars, by scenario and area, paired per replication against the reference.
   */
  incremental: IncrementalRow[];
  summary: SummaryRow[];
  /** Differences against the reference, replication by replication (common random numbers). */
  paired: SummaryRow[];
  /** Where each first-place group's newcomers are 5 and 10 years after arrival, as shares. */
  destinations: DestinationRow[];
}

/** What {@link summaryDocument} is built from. */
export interface SummaryInput {
  /** The scenarios' engine configurations; the first is the reference. */
  configs: readonly ModelConfig[];
  /** Base seed of the runs. */
  seed: number;
  replications: number;
  /** The summary, paired differences and incremental measures (as runEnsemble returns them). */
  result: { summary: SummaryRow[]; paired: SummaryRow[]; incremental?: IncrementalRow[] };
  /** A description for each scenario, in the order of `configs` (default ''). */
  descriptions?: readonly (string | undefined)[];
  /** Which attributes of each place were observed or assumed (default: none listed). */
  provenance?: readonly { name: string; observed: string[]; assumed: string[] }[];
}

/** Each measure's description, in the order of MEASURES then INCREMENTAL_MEASURES: summary.json's `measures`. */
export function measureDescriptions(): Record<Measure | IncrementalMeasure, string> {
  return Object.fromEntries([
    ...MEASURES.map((m) => [m, MEASURE_INFO[m].description]),
    ...INCREMENTAL_MEASURES.map((m) => [m, INCREMENTAL_INFO[m].description]),
  ]) as Record<Measure | IncrementalMeasure, string>;
}

/** The classes of the scenarios' intakes that have more than one (in the order first met): the class areas' classes. */
function immigrantClasses(configs: readonly ModelConfig[]): string[] {
  const classes = configs.map((c) => intakeClasses(c.intake)).filter((list) => list.length > 1);
  return [...new Set(classes.flatMap((list) => list.map((k) => k.name)))];
}

/** The headline measure of every briefing: cost per additional person retained after 5 years, in the smaller places. */
export const HEADLINE = {
  measure: 'costPerAdditionalRetained5',
  area: SMALLER_PLACES,
  label: INCREMENTAL_INFO.costPerAdditionalRetained5.label,
} as const satisfies SummaryDocument['headline'];

/**
 * Builds summary.json's document. The same inputs give the same document, field for field
 * and in the same order, so the file is the same byte for byte.
 * @example
 * const result = runEnsemble(configs, { replications: 10, seed: 1 });
 * const doc = summaryDocument({ configs, seed: 1, replications: 10, result });
 */
export function summaryDocument(input: SummaryInput): SummaryDocument {
  const { configs, result } = input;
  const first = configs[0];
  return {
    library: { name: '@smart-settlement/core', version: VERSION },
    region: first?.region ?? 'Ontario',
    smallerPlacesArea: SMALLER_PLACES,
    seed: input.seed,
    replications: input.replications,
    years: first?.years ?? 0,
    startYear: first?.startYear ?? 0,
    agentScale: first?.agentScale ?? 1,
    interval: DEFAULT_INTERVAL,
    reference: first?.name,
    scenarios: configs.map((c, i) => ({
      name: c.name,
      description: input.descriptions?.[i] ?? '',
      policies: c.policies.map((p) => ({ name: p.name, kind: p.kind, levers: p.levers, facts: p.facts })),
    })),
    places: (first?.places ?? []).map((p) => {
      const prov = input.provenance?.find((x) => x.name === p.name);
      return {
        name: p.name,
        kind: p.kind,
        population: p.population,
        lat: p.lat,
        lon: p.lon,
        smaller: p.smaller,
        observed: prov?.observed ?? [],
        assumed: prov?.assumed ?? [],
      };
    }),
    classes: immigrantClasses(configs),
    headline: { ...HEADLINE },
    measures: measureDescriptions(),
    incremental: result.incremental ?? [],
    summary: result.summary,
    paired: result.paired,
    destinations: destinationRows(result.summary),
  };
}
