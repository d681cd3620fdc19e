import type { ResultsStore } from '../store/results-store.js';
import { calibrationTargets } from './calibration.js';
import { outputName } from './experiment.js';
import type { ExperimentPlan } from './plan.js';

/**
 * Writes the experiment into the store's meta table (`experiment`: the validated experiment
 * as JSON; `outputs`: its outputs with names, used by the export's wide table).
 */
export async function recordExperiment(plan: ExperimentPlan, store: ResultsStore): Promise<void> {
  await store.setMeta('experiment', JSON.stringify(plan.experiment));
  const outputs: { name: string; measure: string; area: string }[] = [
    ...plan.experiment.outputs.map((o) => ({ name: outputName(o), measure: o.measure, area: o.area })),
  ];
  if (plan.experiment.calibration) {
    for (const t of calibrationTargets(plan)) {
      if (!outputs.some((o) => o.measure === t.measure && o.area === t.area))
        outputs.push({ name: t.id, measure: t.measure, area: t.area });
    }
  }
  await store.setMeta('outputs', JSON.stringify(outputs));
}
