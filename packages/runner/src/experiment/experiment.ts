import { MEASURES } from '@smart-settlement/core';
import {
  arr,
  bool,
  cloneJson,
  either,
  type Infer,
  literal,
  num,
  obj,
  opt,
  type Problem,
  type Schema,
  str,
  tagged,
} from '@smart-settlement/scenarios';

/**
 * An experiment as data: a scenario, the parameters to vary with their ranges, a design,
 * replications, a seed and the outputs to analyse. The schema validates experiment files the
 * way scenario files are validated: every problem names the field, the value and what is
 * allowed. See examples/experiments/ for complete files.
 */

/** One varied parameter: a lever or parameter path (as `settle run --set`) and its range. */
export const parameterSchema = obj(
  {
    path: str({
      pattern: /^[A-Za-z0-9_.-]+(\.[A-Za-z0-9_ .-]+)*$/,
      description: 'a lever or parameter, as --set: dispersion.incentive, params.utilEquity, years',
    }),
    name: opt(str({ minLength: 1, description: 'short name in tables and charts (default: the path)' })),
    min: opt(num({ description: 'lowest value (with max)' })),
    max: opt(num({ description: 'highest value (with min)' })),
    scale: opt(literal(['linear', 'log'] as const, 'how the range is spread'), 'linear'),
    integer: opt(bool('whole numbers only: every integer from min to max is equally likely'), false),
    values: opt(arr(num(), { minItems: 1, maxItems: 10_000, description: 'a discrete set of values' })),
  },
  'a varied parameter: a path and either min and max or a list of values',
);
/** One varied parameter or lever of an experiment: its path (as `settle run --set`), and a range or a list of values. */
export type ParameterSpec = Infer<typeof parameterSchema>;

/** The design: how points of the parameter space are chosen. */
export const designSchema = tagged(
  {
    factorial: obj({
      type: literal(['factorial'] as const),
      levels: opt(
        either(
          num({ integer: true, min: 1, max: 1000 }),
          arr(num({ integer: true, min: 1, max: 1000 }), { minItems: 1 }),
          'levels per continuous parameter: one count, or one per parameter',
        ),
        3,
      ),
    }),
    lhs: obj({
      type: literal(['lhs'] as const),
      samples: num({ integer: true, min: 1, max: 10_000_000, description: 'points of the Latin hypercube' }),
    }),
    sobol: obj({
      type: literal(['sobol'] as const),
      samples: num({
        integer: true,
        min: 2,
        max: 1_000_000,
        description: "base samples N of Saltelli's scheme (a power of two is best); N (d + 2) points",
      }),
      secondOrder: opt(bool('also the rows for second-order indices: N (2d + 2) points'), false),
      resamples: opt(num({ integer: true, min: 0, max: 100_000, description: 'bootstrap resamples' }), 100),
    }),
    morris: obj({
      type: literal(['morris'] as const),
      trajectories: num({ integer: true, min: 2, max: 100_000, description: 'Morris trajectories r' }),
      levels: opt(num({ integer: true, min: 2, max: 100, description: 'grid levels p (even)' }), 4),
      resamples: opt(num({ integer: true, min: 0, max: 100_000, description: 'bootstrap resamples' }), 1000),
    }),
  },
  'the design',
);
/** The design of an experiment: full factorial, Latin hypercube, Sobol (Saltelli) or Morris, with its sizes. */
export type DesignSpec = Infer<typeof designSchema>;

/** An output to analyse: a measure of the run summary for one area. */
export const outputSchema = obj({
  measure: literal(MEASURES, 'a measure of the run summary'),
  area: opt(str({ minLength: 1, description: 'region, "Smaller places" or a place name' }), 'Smaller places'),
  name: opt(str({ minLength: 1, description: 'short name (default: measure, or measure@area)' })),
});
/** An output of an experiment: a measure of summary.json in an area (e.g. retention5 in 'Smaller places'). */
export type OutputSpec = Infer<typeof outputSchema>;

/** A calibration target: an observed value of one output. */
export const targetSchema = obj({
  id: str({ minLength: 1 }),
  measure: literal(MEASURES, 'a measure of the run summary'),
  area: str({ minLength: 1 }),
  value: num({ description: 'observed value, in the unit of the measure (retention as a share 0-1)' }),
  sd: opt(num({ min: 1e-9, description: 'scale of the distance term: uncertainty of the target' })),
});
export type TargetSpec = Infer<typeof targetSchema>;

/** How `settle calibrate` fits the parameters to targets (ABC rejection, then SMC). */
export const calibrationSchema = obj({
  targets: either(
    literal(['retention-targets'] as const),
    arr(targetSchema, { minItems: 1 }),
    '"retention-targets" (the fitted rows of the shipped retention targets) or a list of targets',
  ),
  only: opt(arr(str({ minLength: 1 }), { minItems: 1, description: 'ids of the targets to use' })),
  rejection: opt(
    obj({
      samples: num({ integer: true, min: 1, max: 1_000_000, description: 'particles kept' }),
      quantile: num({ min: 1e-6, max: 1, description: 'share of prior draws kept' }),
    }),
    { samples: 50, quantile: 0.2 },
  ),
  smc: opt(
    obj({
      populationSize: num({ integer: true, min: 2, max: 1_000_000 }),
      generations: num({ integer: true, min: 1, max: 100 }),
      quantile: opt(
        num({ min: 0.01, max: 1, description: 'tolerance: quantile of the last distances' }),
        0.5,
      ),
      maxSimulations: opt(num({ integer: true, min: 1, max: 100_000_000 })),
    }),
    { populationSize: 50, generations: 3, quantile: 0.5 },
  ),
  predictive: opt(num({ integer: true, min: 1, max: 100_000, description: 'posterior predictive runs' }), 40),
});
export type CalibrationSpec = Infer<typeof calibrationSchema>;

/** Result tables kept in the store for every run. */
export const STORE_TABLES = ['measures', 'retention', 'places'] as const;

/** The experiment file. */
export const experimentSchema = obj(
  {
    name: str({
      pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
      description: 'letters, digits, dot, dash, underscore',
    }),
    description: opt(str()),
    scenario: either(
      str({ minLength: 1 }),
      obj({}, 'inline scenario') as Schema<unknown>,
      'a named scenario (settle list) or an inline scenario object',
    ),
    set: opt(
      arr(str({ minLength: 3 }), {
        description: 'fixed settings applied to the scenario first, as --set: "years=10"',
      }),
      [],
    ),
    parameters: arr(parameterSchema, { minItems: 1, maxItems: 1000 }),
    design: opt(designSchema),
    replications: opt(
      num({ integer: true, min: 1, max: 100_000, description: 'runs per design point (paired seeds)' }),
      1,
    ),
    seed: opt(num({ integer: true, min: 0, max: 4_294_967_295 }), 1),
    outputs: opt(arr(outputSchema, { minItems: 1 }), [{ measure: 'retention5', area: 'Smaller places' }]),
    tables: opt(arr(literal(STORE_TABLES), { minItems: 1, description: 'result tables kept per run' }), [
      'measures',
    ]),
    calibration: opt(calibrationSchema),
  },
  'A Smart Settlement experiment',
);

/** A validated experiment with its defaults filled in. */
export type Experiment = Infer<typeof experimentSchema>;

/** An invalid experiment: every problem names the field, the value and what is allowed. */
export class ExperimentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.path}: got ${JSON.stringify(p.value)}; allowed: ${p.allowed}`).join('\n'));
    this.name = 'ExperimentError';
  }
}

/**
 * Checks the shape of an experiment (the schema only; `planExperiment` also checks the
 * parameter paths against the scenario). Returns the experiment with defaults filled.
 */
export function checkExperimentShape(
  input: unknown,
): { ok: true; experiment: Experiment } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  // The inline scenario is validated later as a scenario; the schema only checks it is an object.
  const raw = input as { scenario?: unknown };
  const scenario = typeof raw === 'object' && raw !== null ? raw.scenario : undefined;
  const shape =
    typeof scenario === 'object' && scenario !== null && !Array.isArray(scenario)
      ? { ...(input as object), scenario: {} }
      : input;
  const checked = experimentSchema.check(shape, '', problems);
  if (!checked) return { ok: false, problems };
  if (typeof checked.scenario !== 'string') checked.scenario = cloneJson(scenario);
  checked.parameters.forEach((p, i) => {
    const at = `parameters[${i}]`;
    const hasRange = p.min !== undefined || p.max !== undefined;
    if (p.values) {
      if (hasRange) problems.push({ path: at, value: p, allowed: 'either min and max, or values, not both' });
      return;
    }
    if (p.min === undefined || p.max === undefined) {
      problems.push({
        path: `${at}.${p.min === undefined ? 'min' : 'max'}`,
        value: undefined,
        allowed: 'a number (with the other end of the range), or give values',
      });
      return;
    }
    if (!(p.min < p.max))
      problems.push({ path: `${at}.max`, value: p.max, allowed: `a number above min (${p.min})` });
    if (p.scale === 'log' && !(p.min > 0))
      problems.push({ path: `${at}.min`, value: p.min, allowed: 'a positive number (the scale is log)' });
    if (p.integer && !(Number.isInteger(p.min) && Number.isInteger(p.max)))
      problems.push({ path: `${at}.min`, value: [p.min, p.max], allowed: 'integer ends (integer is true)' });
    if (p.integer && p.max - p.min > 100_000)
      problems.push({ path: `${at}.max`, value: p.max, allowed: 'at most 100,000 integers in the range' });
  });
  const names = checked.parameters.map((p) => p.name ?? p.path);
  names.forEach((name, i) => {
    if (names.indexOf(name) !== i)
      problems.push({ path: `parameters[${i}].name`, value: name, allowed: 'a name no other parameter has' });
  });
  const design = checked.design;
  if (design?.type === 'morris' && design.levels! % 2 !== 0)
    problems.push({ path: 'design.levels', value: design.levels, allowed: 'an even integer from 2 to 100' });
  if (design?.type === 'factorial' && Array.isArray(design.levels) && design.levels.length !== names.length)
    problems.push({
      path: 'design.levels',
      value: design.levels,
      allowed: `one count per parameter (${names.length})`,
    });
  if (design?.type === 'sobol' && names.length > 100)
    problems.push({
      path: 'parameters',
      value: names.length,
      allowed: 'at most 100 parameters for a Sobol design',
    });
  const outputNames = checked.outputs!.map(outputName);
  outputNames.forEach((name, i) => {
    if (outputNames.indexOf(name) !== i)
      problems.push({ path: `outputs[${i}]`, value: name, allowed: 'an output not already listed' });
  });
  return problems.length ? { ok: false, problems } : { ok: true, experiment: checked };
}

/** The name of an output in tables: its own name, else `measure@area` (`measure` for smaller places). */
export function outputName(output: OutputSpec): string {
  if (output.name) return output.name;
  const area = output.area ?? 'Smaller places';
  return area === 'Smaller places' ? output.measure : `${output.measure}@${area}`;
}

/** The name of a parameter in tables: its own name, else its path. */
export function parameterName(parameter: ParameterSpec): string {
  return parameter.name ?? parameter.path;
}
