import { MEASURES, PARAMETER_INFO, type ParameterName } from '@smart-settlement/core';
import {
  bool,
  check,
  cloneJson,
  either,
  fileName,
  formatProblems,
  jsonSchemaOf,
  list,
  num,
  oneOf,
  type Problem,
  str,
  strict,
} from '@smart-settlement/scenarios';
import * as z from 'zod';

/**
 * An experiment as data: a scenario, the parameters to vary with their ranges, a design,
 * replications, a seed and the outputs to analyse. The schema validates experiment files the
 * way scenario files are validated: every problem names the field, the value and what is
 * allowed. See examples/experiments/ for complete files.
 */

/** One varied parameter: a lever or parameter path (as `settle run --set`) and its range. */
export const parameterSchema = strict(
  {
    path: str({
      pattern: /^[A-Za-z0-9_.-]+(\.[A-Za-z0-9_ .-]+)*$/,
      description: 'a lever or parameter, as --set: dispersion.incentive, params.utilEquity, years',
    }),
    name: str({
      minLength: 1,
      description: 'short name in tables and charts (default: the path)',
    }).optional(),
    min: num({
      description: 'lowest value (with max; for params.NAME, default: the low end of its plausible range)',
    }).optional(),
    max: num({
      description: 'highest value (with min; for params.NAME, default: the high end of its plausible range)',
    }).optional(),
    scale: oneOf(['linear', 'log'], 'how the range is spread').default('linear'),
    integer: bool('whole numbers only: every integer from min to max is equally likely').default(false),
    values: list(num(), {
      minItems: 1,
      maxItems: 10_000,
      description: 'a discrete set of values',
    }).optional(),
  },
  'a varied parameter: a path and either min and max or a list of values',
);
/** One varied parameter or lever of an experiment: its path (as `settle run --set`), and a range or a list of values. */
export type ParameterSpec = z.output<typeof parameterSchema>;

const bootstrapResamples = (fallback: number) =>
  num({ integer: true, min: 0, max: 100_000, description: 'bootstrap resamples' }).default(fallback);

/** The design: how points of the parameter space are chosen. */
export const designSchema = z
  .discriminatedUnion('type', [
    strict({
      type: z.literal('factorial'),
      levels: either(
        num({ integer: true, min: 1, max: 1000 }),
        list(num({ integer: true, min: 1, max: 1000 }), { minItems: 1 }),
        'levels per continuous parameter: one count, or one per parameter',
      ).default(3),
    }),
    strict({
      type: z.literal('lhs'),
      samples: num({ integer: true, min: 1, max: 10_000_000, description: 'points of the Latin hypercube' }),
    }),
    strict({
      type: z.literal('sobol'),
      samples: num({
        integer: true,
        min: 2,
        max: 1_000_000,
        description: "base samples N of Saltelli's scheme (a power of two is best); N (d + 2) points",
      }),
      secondOrder: bool('also the rows for second-order indices: N (2d + 2) points').default(false),
      resamples: bootstrapResamples(100),
    }),
    strict({
      type: z.literal('morris'),
      trajectories: num({ integer: true, min: 2, max: 100_000, description: 'Morris trajectories r' }),
      levels: num({ integer: true, min: 2, max: 100, description: 'grid levels p (even)' }).default(4),
      resamples: bootstrapResamples(1000),
    }),
  ])
  .describe('the design');
/** The design of an experiment: full factorial, Latin hypercube, Sobol (Saltelli) or Morris, with its sizes. */
export type DesignSpec = z.output<typeof designSchema>;

/** A measure of the run summary. */
const measure = oneOf(MEASURES as unknown as [string, ...string[]], 'a measure of the run summary');

/** An output to analyse: a measure of the run summary for one area. */
export const outputSchema = strict({
  measure,
  area: str({ minLength: 1, description: 'region, "Smaller places" or a place name' }).default(
    'Smaller places',
  ),
  name: str({ minLength: 1, description: 'short name (default: measure, or measure@area)' }).optional(),
});
/** An output of an experiment: a measure of summary.json in an area (e.g. retention5 in 'Smaller places'). */
export type OutputSpec = z.output<typeof outputSchema>;

/** A calibration target: an observed value of one output. */
export const targetSchema = strict({
  id: str({ minLength: 1 }),
  measure,
  area: str({ minLength: 1 }),
  value: num({ description: 'observed value, in the unit of the measure (retention as a share 0-1)' }),
  sd: num({ min: 1e-9, description: 'scale of the distance term: uncertainty of the target' }).optional(),
});
/** A calibration target as validated. */
export type TargetSpec = z.output<typeof targetSchema>;

/** How `settle calibrate` fits the parameters to targets (ABC rejection, then SMC). */
export const calibrationSchema = strict({
  targets: either(
    oneOf(['retention-targets']),
    list(targetSchema, { minItems: 1 }),
    '"retention-targets" (the fitted rows of the shipped retention targets) or a list of targets',
  ),
  only: list(str({ minLength: 1 }), { minItems: 1, description: 'ids of the targets to use' }).optional(),
  rejection: strict({
    samples: num({ integer: true, min: 1, max: 1_000_000, description: 'particles kept' }),
    quantile: num({ min: 1e-6, max: 1, description: 'share of prior draws kept' }),
  }).prefault({ samples: 50, quantile: 0.2 }),
  smc: strict({
    populationSize: num({ integer: true, min: 2, max: 1_000_000 }),
    generations: num({ integer: true, min: 1, max: 100 }),
    quantile: num({ min: 0.01, max: 1, description: 'tolerance: quantile of the last distances' }).default(
      0.5,
    ),
    maxSimulations: num({ integer: true, min: 1, max: 100_000_000 }).optional(),
  }).prefault({ populationSize: 50, generations: 3, quantile: 0.5 }),
  predictive: num({ integer: true, min: 1, max: 100_000, description: 'posterior predictive runs' }).default(
    40,
  ),
});
/** The calibration section of an experiment, as validated. */
export type CalibrationSpec = z.output<typeof calibrationSchema>;

/** Result tables kept in the store for every run. */
export const STORE_TABLES = ['measures', 'retention', 'places'] as const;

/** The experiment file. */
export const experimentSchema = strict(
  {
    $schema: z.string().optional(),
    name: fileName(),
    description: str().optional(),
    scenario: either(
      str({ minLength: 1 }),
      z.record(z.string(), z.unknown(), { error: 'an object' }).describe('inline scenario'),
      'a named scenario (settle list) or an inline scenario object',
    ),
    set: list(str({ minLength: 3 }), {
      description: 'fixed settings applied to the scenario first, as --set: "years=10"',
    }).default(() => []),
    parameters: list(parameterSchema, { minItems: 1, maxItems: 1000 }),
    design: designSchema.optional(),
    replications: num({
      integer: true,
      min: 1,
      max: 100_000,
      description: 'runs per design point (paired seeds)',
    }).default(1),
    seed: num({ integer: true, min: 0, max: 4_294_967_295 }).default(1),
    outputs: list(outputSchema, { minItems: 1 }).default(() => [
      { measure: 'retention5', area: 'Smaller places' },
    ]),
    tables: list(oneOf(STORE_TABLES), { minItems: 1, description: 'result tables kept per run' }).default(
      () => ['measures' as const],
    ),
    calibration: calibrationSchema.optional(),
  },
  'A Smart Settlement experiment',
);

/** A validated experiment with its defaults filled in. */
export type Experiment = z.output<typeof experimentSchema>;

/** The JSON Schema of experiment files, for editors and other tools (generated from {@link experimentSchema}). */
export function experimentJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(
    experimentSchema,
    'https://smart-settlement.example/experiment.schema.json',
    'Smart Settlement experiment',
  );
}

/** An invalid experiment: every problem names the field, the value and what is allowed. */
export class ExperimentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'ExperimentError';
  }
}

/** The plausible range of `params.NAME` from the parameter table, when NAME is a scalar parameter. */
function defaultRange(path: string): [number, number] | undefined {
  const name = /^params\.(\w+)$/.exec(path)?.[1];
  if (!name || !Object.hasOwn(PARAMETER_INFO, name)) return undefined;
  const info = PARAMETER_INFO[name as ParameterName];
  return Array.isArray(info.default) ? undefined : info.range;
}

/**
 * Checks the shape of an experiment (the schema only; `planExperiment` also checks the
 * parameter paths against the scenario). Returns the experiment with defaults filled: a
 * behavioural parameter given with neither a range nor values varies over its plausible range.
 */
export function checkExperimentShape(
  input: unknown,
): { ok: true; experiment: Experiment } | { ok: false; problems: Problem[] } {
  const result = check(experimentSchema, input);
  if (!result.ok) return result;
  const { $schema: _, ...checked } = result.value;
  // The inline scenario is validated later as a scenario; here it is only copied.
  if (typeof checked.scenario !== 'string') checked.scenario = cloneJson(checked.scenario);
  const problems: Problem[] = [];
  checked.parameters.forEach((p, i) => {
    const at = `parameters[${i}]`;
    const fallback =
      p.values === undefined && p.min === undefined && p.max === undefined && defaultRange(p.path);
    if (fallback) [p.min, p.max] = fallback;
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
  if (design?.type === 'morris' && design.levels % 2 !== 0)
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
  const outputNames = checked.outputs.map(outputName);
  outputNames.forEach((name, i) => {
    if (outputNames.indexOf(name) !== i)
      problems.push({ path: `outputs[${i}]`, value: name, allowed: 'an output not already listed' });
  });
  return problems.length ? { ok: false, problems } : { ok: true, experiment: checked };
}

/** The name of an output in tables: its own name, else `measure@area` (`measure` for smaller places). */
export function outputName(output: OutputSpec): string {
  if (output.name) return output.name;
  const area = output.area;
  return area === 'Smaller places' ? output.measure : `${output.measure}@${area}`;
}

/** The name of a parameter in tables: its own name, else its path. */
export function parameterName(parameter: ParameterSpec): string {
  return parameter.name ?? parameter.path;
}
