import type { ResultsStore } from '../store/results-store.js';
import { outputName } from './experiment.js';
import type { ExperimentPlan } from './plan.js';

/** One row of a sweep's points table: `point`, each parameter and each output by name. */
export type PointRow = Record<string, number>;

/**
 * The rows of a finished sweep's points table (points.csv), `chunk` design points at a time:
 * each point's parameters (as registered in the store) and each output's mean over the
 * point's replications, summed in replication order as {@link pointOutputs} does. An output
 * that lacks a value at some replication of some point is NaN at every point (as a whole
 * column, checked with one count first). Only a chunk of points is held at once.
 * @example for await (const rows of pointTableChunks(plan, store)) write(rows);
 */
export async function* pointTableChunks(
  plan: ExperimentPlan,
  store: ResultsStore,
  chunk = 4096,
): AsyncGenerator<PointRow[]> {
  const names = plan.parameterNames;
  const R = plan.replications;
  const outputs = [];
  for (const o of plan.experiment.outputs) {
    const area = o.area ?? 'Smaller places';
    const complete = (await store.measureCount(o.measure, area, 'sweep')) === plan.pointCount * R;
    outputs.push({ name: outputName(o), measure: o.measure, area, complete });
  }
  const columns = ['point', ...names, ...outputs.map((o) => o.name)];
  for (let first = 0; first < plan.pointCount; first += chunk) {
    const last = Math.min(first + chunk, plan.pointCount) - 1;
    const points = await store.pointParameters(first, last);
    const means: ((point: number) => number)[] = [];
    for (const o of outputs) {
      const sums = new Float64Array(last - first + 1);
      if (o.complete) {
        const values = await store.measureValues(o.measure, o.area, 'sweep', {
          from: first * R,
          to: (last + 1) * R - 1,
        });
        for (const v of values) if (Number.isFinite(v.value)) sums[v.point - first] += v.value;
      }
      means.push((point: number) => (o.complete ? sums[point - first] / R : Number.NaN));
    }
    // Built from entries: a name is always an own field, whatever it is.
    yield points.map(({ point, parameters }) =>
      Object.fromEntries(
        [point, ...parameters, ...means.map((mean) => mean(point))].map((v, i) => [columns[i], v]),
      ),
    );
  }
}
