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
      return { ranges, points: factorialDesign(ranges, design.levels!) };
    case 'lhs':
      unitPoints = latinHypercube(design.samples, d, stream(experiment.seed!, 0, 'design-lhs'));
      break;
    case 'sobol':
      unitPoints = saltelliSample(design.samples, d, { secondOrder: design.secondOrder });
      break;
    case 'morris':
      unitPoints = morrisSample(design.trajectories, d, stream(experiment.seed!, 0, 'design-morris'), {
        levels: design.levels,
      });
      break;
  }
  return { ranges, points: scaleUnitPoints(ranges, unitPoints), unitPoints };
}
