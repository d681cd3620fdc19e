import type { ParameterRange } from '@smart-settlement/core';

/** Analytic first-order (S1) and total (ST) Sobol indices of a test function. */
export interface AnalyticIndices {
  S1: number[];
  ST: number[];
}

/** The input ranges of the Ishigami function: three parameters uniform on [−π, π]. */
export const ISHIGAMI_RANGES: readonly ParameterRange[] = [
  { name: 'x1', min: -Math.PI, max: Math.PI },
  { name: 'x2', min: -Math.PI, max: Math.PI },
  { name: 'x3', min: -Math.PI, max: Math.PI },
];

/**
 * The Ishigami function sin x1 + a sin² x2 + b x3⁴ sin x1 (Ishigami & Homma 1990), with
 * inputs uniform on [−π, π]³ ({@link ISHIGAMI_RANGES}); a = 7, b = 0.1 by default.
 * @example ishigami([Math.PI / 2, 0, 0]); // 1
 */
export function ishigami(x: readonly number[], a = 7, b = 0.1): number {
  const s1 = Math.sin(x[0]);
  const s2 = Math.sin(x[1]);
  return s1 + a * s2 * s2 + b * x[2] ** 4 * s1;
}

/**
 * Analytic Sobol indices of {@link ishigami}. For a = 7, b = 0.1:
 * S1 ≈ [0.3139, 0.4424, 0], ST ≈ [0.5576, 0.4424, 0.2437].
 */
export function ishigamiIndices(a = 7, b = 0.1): AnalyticIndices {
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = (a * a) / 8;
  const v13 = (8 * b * b * pi8) / 225;
  const v = v1 + v2 + v13;
  return { S1: [v1 / v, v2 / v, 0], ST: [(v1 + v13) / v, v2 / v, v13 / v] };
}

/**
 * Sobol's G function ∏ (|4 x_i − 2| + a_i) / (1 + a_i) on [0, 1]^d: the smaller a_i, the more
 * important x_i (a_i = 0: very important; a_i ≥ 99: negligible).
 * @example sobolG([0.5, 0.5], [0, 1]); // 0
 */
export function sobolG(x: readonly number[], a: readonly number[]): number {
  let product = 1;
  for (let i = 0; i < a.length; i++) product *= (Math.abs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
  return product;
}

/**
 * Analytic Sobol indices of {@link sobolG}: with V_i = 1 / (3 (1 + a_i)²) and
 * V = ∏ (1 + V_i) − 1, S1_i = V_i / V and ST_i = V_i ∏_{j≠i} (1 + V_j) / V.
 */
export function sobolGIndices(a: readonly number[]): AnalyticIndices {
  const parts = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
  const product = parts.reduce((p, vi) => p * (1 + vi), 1);
  const v = product - 1;
  return { S1: parts.map((vi) => vi / v), ST: parts.map((vi) => (vi * product) / (1 + vi) / v) };
}
