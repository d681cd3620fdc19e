import {
  factorialDesign,
  latinHypercube,
  morrisSample,
  type ParameterRange,
  saltelliSample,
  scaleUnitPoints,
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
 * Memory a built design holds, bytes: the points and the unit points as arrays of numbers
 * (about 40 bytes of array per point plus 8 per value, twice), for the memory budget.
 */
export function designBytes(points: number, parameters: number): number {
  return points * 2 * (40 + 8 * parameters);
}

/**
 * Builds the design of an experiment. It depends only on the experiment (its seed drives the
 * random designs), so the same experiment always has the same points in the same order:
 * point k of a rerun is point k of the first run, which is what resuming relies on.
 * @example buildDesign(experiment).points.length; // N (d + 2) for a Sobol design
 */
export function buildDesign(experiment: Experiment): Design {
  const ranges = experiment.parameters.map(parameterRange);
  const d = ranges.length;
  const design = experiment.design;
  let unitPoints: number[][];
  if (!design) return { ranges, points: [] };
  switch (design.type) {
    case 'factorial':
      return { ranges, points: factorialDesign(ranges, design.levels) };
    case 'lhs':
      unitPoints = latinHypercube(design.samples, d, stream(experiment.seed, 0, 'design-lhs'));
      break;
    case 'sobol':
      unitPoints = saltelliSample(design.samples, d, { secondOrder: design.secondOrder });
      break;
    case 'morris':
      unitPoints = morrisSample(design.trajectories, d, stream(experiment.seed, 0, 'design-morris'), {
        levels: design.levels,
      });
      break;
  }
  return { ranges, points: scaleUnitPoints(ranges, unitPoints), unitPoints };
}
