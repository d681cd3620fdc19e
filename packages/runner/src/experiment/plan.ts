import { createHash } from 'node:crypto';
import { type ParameterRange, VERSION } from '@smart-settlement/core';
import {
  type CheckedScenario,
  cloneJson,
  freezeScenario,
  LIBRARY,
  namedScenario,
  type Problem,
  resolveScenario,
  type Scenario,
  ScenarioError,
  setLever,
  validateScenario,
} from '@smart-settlement/scenarios';
import type { RunSpec } from '../run-spec.js';
import { experimentConsistencyProblems } from './consistency.js';
import {
  buildDesign,
  type Design,
  type DesignPoint,
  designPointCount,
  designPoints,
  parameterRange,
} from './design.js';
import { checkExperimentShape, type Experiment, ExperimentError, parameterName } from './experiment.js';

/**
 * An experiment made ready to run: the frozen base scenario, the design points, and the runs
 * with their stable ids. Run `id = point * replications + replication`: the same experiment
 * gives every run the same id, whoever runs it and however often, so a store can accept a
 * run's result once (idempotently) and a queue (issue 6) can hand out ids instead of specs.
 *
 * Replication r of every design point uses the same random streams (seed, r): points are
 * compared on common random numbers, which removes most of the noise from differences
 * between points (as `settle compare` pairs scenarios).
 */
export class ExperimentPlan {
  /** Total runs: design points x replications, counted without building the design. */
  readonly runCount: number;
  /** Design points, counted without building the design. */
  readonly pointCount: number;
  private built?: Design;
  /** Where plan.pointAt stands in the design: the next point of `points`, and the last one given. */
  private cursor?: { next: number; points: Generator<DesignPoint>; last?: DesignPoint };

  private constructor(
    /** The validated experiment, defaults filled. */
    readonly experiment: Experiment,
    /** The base scenario with every default explicit and the fixed `set` settings applied. */
    readonly base: Scenario,
    /** The scenario as given (named or inline) with the fixed `set` settings, defaults not filled. */
    readonly source: Scenario,
    /** A hash of the experiment, the base scenario and the engine version: results from another fingerprint are not comparable. */
    readonly fingerprint: string,
  ) {
    this.pointCount = designPointCount(experiment);
    this.runCount = this.pointCount * experiment.replications;
  }

  /**
   * The whole design, built on first use, for small designs and tests: planning, validating,
   * estimating and sweeping an experiment never build it (a Latin hypercube of 10 million
   * samples is counted, and its points made one at a time: see {@link pointAt}).
   */
  get design(): Design {
    this.built ??= buildDesign(this.experiment);
    return this.built;
  }

  /** Parameter ranges, in the order of the experiment's parameters. */
  get ranges(): ParameterRange[] {
    return this.experiment.parameters.map(parameterRange);
  }

  /**
   * Design point `point` (its values and its place on the unit cube), without building the
   * design: points are made one at a time from where the last call stood, so asking for them
   * in increasing order (as a sweep does) makes each once; an earlier point starts again
   * from it (a factorial or Sobol design at once, the others from their start).
   */
  pointAt(point: number): DesignPoint {
    if (!Number.isInteger(point) || point < 0 || point >= this.pointCount)
      throw new RangeError(`design point ${point} is not in 0..${this.pointCount - 1}`);
    let cursor = this.cursor;
    if (cursor?.last && point === cursor.next - 1) return cursor.last;
    if (!cursor || point < cursor.next) {
      cursor = { next: point, points: designPoints(this.experiment, point) };
      this.cursor = cursor;
    }
    let found: DesignPoint | undefined;
    while (cursor.next <= point) {
      found = cursor.points.next().value as DesignPoint;
      cursor.next += 1;
    }
    cursor.last = found;
    return found!;
  }

  /** Parameter names, in order (column names of the store's runs table). */
  get parameterNames(): string[] {
    return this.experiment.parameters.map(parameterName);
  }

  /** Runs per design point. */
  get replications(): number {
    return this.experiment.replications;
  }

  /** The design point and replication of a run id. */
  runKey(id: number): { point: number; replication: number } {
    return { point: Math.floor(id / this.replications), replication: id % this.replications };
  }

  /** The run id of (point, replication). */
  runId(point: number, replication: number): number {
    return point * this.replications + replication;
  }

  /**
   * The scenario of one parameter vector: the base scenario with each parameter set by its
   * path. Throws ScenarioError if the result is not a valid scenario.
   */
  scenarioAt(values: readonly number[], name = this.base.name): Scenario {
    let scenario = this.base;
    this.experiment.parameters.forEach((p, k) => {
      scenario = setLever(scenario, `${p.path}=${JSON.stringify(values[k])}`);
    });
    scenario.name = name;
    const checked = validateScenario(scenario);
    if (!checked.ok) throw new ScenarioError(checked.problems);
    return checked.scenario;
  }

  /** The RunSpec of run `id` (built on demand: a sweep never holds every spec at once). */
  runSpec(id: number): RunSpec {
    const { point, replication } = this.runKey(id);
    return {
      scenario: this.scenarioAt(this.pointAt(point).values),
      seed: this.experiment.seed,
      replication,
    };
  }

  /**
   * Validates an experiment (parsed JSON or an object) and plans it. Throws ExperimentError
   * naming every wrong field, including a parameter whose range the scenario rejects.
   * @example const plan = ExperimentPlan.create(JSON.parse(readFileSync('sweep.json', 'utf8')));
   */
  static create(input: unknown): ExperimentPlan {
    const shape = checkExperimentShape(input);
    if (!shape.ok) throw new ExperimentError(shape.problems);
    const experiment = shape.experiment;
    const problems: Problem[] = experimentConsistencyProblems(experiment);

    let scenario: Scenario;
    if (typeof experiment.scenario === 'string') {
      const named = namedScenario(experiment.scenario);
      if (!named) {
        throw new ExperimentError([
          {
            path: 'scenario',
            value: experiment.scenario,
            allowed: `a named scenario (${Object.keys(LIBRARY).join(', ')}) or an inline scenario object`,
          },
        ]);
      }
      const { description: _, ...rest } = named as Scenario & { description?: string };
      scenario = rest as Scenario;
    } else scenario = cloneJson(experiment.scenario) as Scenario;
    experiment.set.forEach((setting, i) => {
      try {
        scenario = setLever(scenario, setting);
      } catch (e) {
        problems.push({ path: `set[${i}]`, value: setting, allowed: (e as Error).message });
      }
    });
    if (problems.length) throw new ExperimentError(problems);
    let base: CheckedScenario;
    try {
      const resolved = resolveScenario(scenario);
      base = freezeScenario(resolved.scenario, resolved.config);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      throw new ExperimentError(
        e.problems.map((p) => ({ ...p, path: `scenario${p.path ? `.${p.path}` : ''}` })),
      );
    }

    // Each parameter must be a path the scenario accepts at both ends of its range.
    experiment.parameters.forEach((p, i) => {
      const ends = p.values ?? [p.min!, p.max!, p.integer ? p.min! : (p.min! + p.max!) / 2];
      for (const value of new Set(ends)) {
        let problem: string | undefined;
        try {
          const checked = validateScenario(setLever(base, `${p.path}=${JSON.stringify(value)}`));
          if (!checked.ok) problem = checked.problems.map((q) => `${q.path} ${q.allowed}`).join('; ');
        } catch (e) {
          problem = (e as Error).message;
        }
        if (problem) {
          problems.push({
            path: `parameters[${i}]`,
            value: { path: p.path, value },
            allowed: `a path and range the scenario accepts (${problem})`,
          });
          break;
        }
      }
    });
    const areas = [base.region, 'Smaller places', 'Incentive takers', ...Object.keys(base.places)];
    const checkArea = (area: string, path: string) => {
      if (!areas.includes(area))
        problems.push({ path, value: area, allowed: `an area of the results: ${areas.join(', ')}` });
    };
    experiment.outputs.forEach((o, i) => {
      checkArea(o.area, `outputs[${i}].area`);
    });
    const targets = experiment.calibration?.targets;
    if (Array.isArray(targets))
      targets.forEach((t, i) => {
        checkArea(t.area, `calibration.targets[${i}].area`);
      });
    if (problems.length) throw new ExperimentError(problems);

    const fingerprint = createHash('sha256')
      .update(JSON.stringify({ experiment, base, engine: VERSION }))
      .digest('hex')
      .slice(0, 16);
    return new ExperimentPlan(experiment, base, scenario, fingerprint);
  }
}
