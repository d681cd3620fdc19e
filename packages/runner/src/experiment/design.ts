import {
  factorialLevels,
  forkableStream,
  fullFactorialRows,
  latinHypercubeRows,
  morrisTrajectories,
  type ParameterRange,
  saltelliRows,
  scaleUnitPoint,
  stream,
} from '@smart-settlement/core';
import { type Experiment, type ParameterSpec, parameterName } from './experiment.js';

/**
 * The range of a parameter spec in the terms of the core designs. An integer range becomes
 * the discrete set of its integers, so every integer is equally likely in every design.
 */
export function parameterRange(spec: ParameterSpec): ParameterRange {
  const name = parameterName(spec);
  if (spec.values) {
    return { name, min: Math.min(...spec.values), max: Math.max(...spec.values), values: spec.values };
  }
  const min = spec.min!;
  const max = spec.max!;
  if (spec.integer) {
    const values = Array.from({ length: max - min + 1 }, (_, k) => min + k);
    return { name, min, max, values };
  }
  return { name, min, max, scale: spec.scale ?? 'linear' };
}

/** The points of an experiment's design, in parameter units and (except factorial) on the unit cube. */
export interface Design {
  /** Parameter ranges, in the order of the experiment's parameters. */
  ranges: ParameterRange[];
  /** One row per design point, one value per parameter. */
  points: number[][];
  /** The same points on the unit cube [0, 1)^d (what the sensitivity analyses need), if any. */
  unitPoints?: number[][];
}

/**
 * The number of points of an experiment's design, counted without building it (arithmetic
 * only): levels multiplied for a factorial, N for a Latin hypercube, N (d + 2) or N (2d + 2)
 * for Sobol/Saltelli, r (d + 1) for Morris; 0 without a design.
 * @example designPointCount({ ...experiment, design: { type: 'lhs', samples: 10_000_000 } }); // 10000000
 */
export function designPointCount(experiment: Experiment): number {
  const design = experiment.design;
  const d = experiment.parameters.length;
  if (!design) return 0;
  switch (design.type) {
    case 'factorial':
      return experiment.parameters.reduce((n, p, k) => {
        const levels = design.levels;
        return n * levelCount(p, typeof levels === 'number' ? levels : levels[k]);
      }, 1);
    case 'lhs':
      return design.samples;
    case 'sobol':
      return design.samples * (design.secondOrder ? 2 * d + 2 : d + 2);
    case 'morris':
      return design.trajectories * (d + 1);
  }
}

/** Levels of one parameter in a factorial design (as factorialLevels, without listing them). */
function levelCount(spec: ParameterSpec, levels: number): number {
  if (spec.values) return spec.values.length;
  if (spec.integer) return spec.max! - spec.min! + 1;
  return levels;
}

/**
 * Memory a design needs while its experiment runs, bytes, for the memory budget. Its points are
 * made one at a time (see {@link designPoints}), so a factorial or Sobol design needs none that
 * grows with its size; a Latin hypercube keeps each parameter's shuffled strata (4 bytes a
 * point a parameter) while its runs are registered; the Morris analysis holds every
 * trajectory's points on the unit cube (about 40 bytes of array per point plus 8 per value).
 * @example designBytes({ ...experiment, design: { type: 'lhs', samples: 10_000_000 } }); // 4e7 per parameter
 */
export function designBytes(experiment: Experiment): number {
  const points = designPointCount(experiment);
  const d = experiment.parameters.length;
  switch (experiment.design?.type) {
    case 'lhs':
      return points * 4 * d;
    case 'morris':
      return points * (40 + 8 * d);
    default:
      return 0;
  }
}

/** One point of a design: its parameter values and, except in a factorial design, its place on the unit cube. */
export interface DesignPoint {
  /** One value per parameter, in parameter units. */
  values: number[];
  /** The same point on the unit cube [0, 1)^d (what the sensitivity analyses need). */
  unit?: number[];
}

/**
 * The points of an experiment's design one at a time, in design order, from point `from`: a
 * design of millions of points is never held whole (a factorial design decodes each point
 * from its index, Sobol enters the sequence at any index, Morris goes trajectory by
 * trajectory, a Latin hypercube keeps only its shuffled strata). The points are those of
 * {@link buildDesign}, in the same order: point k of a rerun is point k of the first run.
 * @example for (const { values } of designPoints(experiment)) use(values);
 */
export function* designPoints(experiment: Experiment, from = 0): Generator<DesignPoint> {
  const ranges = experiment.parameters.map(parameterRange);
  const d = ranges.length;
  const design = experiment.design;
  if (!design) return;
  let units: Iterable<number[]>;
  let skip = from;
  switch (design.type) {
    case 'factorial': {
      const levels = ranges.map((range, k) =>
        factorialLevels(range, typeof design.levels === 'number' ? design.levels : design.levels[k]),
      );
      for (const values of fullFactorialRows(levels, from)) yield { values };
      return;
    }
    case 'lhs':
      units = latinHypercubeRows(design.samples, d, forkableStream(experiment.seed, 0, 'design-lhs'));
      break;
    case 'sobol': {
      // Enter the Sobol sequence at the base sample of point `from`.
      const rows = design.secondOrder ? 2 * d + 2 : d + 2;
      const base = Math.floor(from / rows);
      if (base >= design.samples) return;
      units = saltelliRows(design.samples - base, d, { secondOrder: design.secondOrder, skip: base });
      skip = from - base * rows;
      break;
    }
    case 'morris':
      units = morrisRows(
        morrisTrajectories(design.trajectories, d, stream(experiment.seed, 0, 'design-morris'), {
          levels: design.levels,
        }),
      );
      break;
  }
  for (const unit of units) {
    if (skip > 0) {
      skip -= 1;
      continue;
    }
    yield { values: scaleUnitPoint(ranges, unit), unit };
  }
}

function* morrisRows(trajectories: Iterable<number[][]>): Generator<number[]> {
  for (const rows of trajectories) yield* rows;
}

/**
 * Builds the whole design of an experiment (the points of {@link designPoints}, all at once).
 * It depends only on the experiment (its seed drives the random designs), so the same
 * experiment always has the same points in the same order. Sweeps never build it: it is for
 * small designs and tests.
 * @example buildDesign(experiment).points.length; // N (d + 2) for a Sobol design
 */
export function buildDesign(experiment: Experiment): Design {
  const ranges = experiment.parameters.map(parameterRange);
  const points: number[][] = [];
  const unitPoints: number[][] = [];
  for (const point of designPoints(experiment)) {
    points.push(point.values);
    if (point.unit) unitPoints.push(point.unit);
  }
  return unitPoints.length ? { ranges, points, unitPoints } : { ranges, points };
}
