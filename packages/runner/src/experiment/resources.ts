import {
  checkMemoryBudget,
  estimateJobResources,
  formatBytes,
  type JobResources,
  type RESOURCE_FIELDS,
} from '@smart-settlement/core';
import { designBytes } from './design.js';
import type { ExperimentPlan } from './plan.js';

/** Which end of a parameter's range needs the most memory, for the fields that drive it. */
const WORST_END: Record<(typeof RESOURCE_FIELDS)[number], 'max' | 'min'> = {
  'intake.perYear': 'max',
  agentScale: 'min',
  years: 'max',
};

/** What an experiment needs: its largest run (parameters at their costliest ends) and its design. */
export interface ExperimentResources {
  /** The runs: the costliest run times the runs held at once, and the time of every run. */
  job: JobResources;
  /** Memory the design needs while the experiment runs, bytes (see designBytes). */
  designBytes: number;
  /** Peak memory in all, bytes. */
  bytes: number;
}

/**
 * Estimates an experiment before it runs, without building its design: the costliest run
 * (each of intake.perYear, agentScale and years at the end of its range that needs the most
 * memory, if the experiment varies it) on `workers` threads, and the design's memory.
 * @example experimentResources(plan, 4).bytes
 */
export function experimentResources(plan: ExperimentPlan, workers: number): ExperimentResources {
  const base = plan.base as { years: number; agentScale: number; intake: { perYear: number } };
  const worst = { years: base.years, agentScale: base.agentScale, intake: { perYear: base.intake.perYear } };
  for (const p of plan.experiment.parameters) {
    if (!Object.hasOwn(WORST_END, p.path)) continue;
    const values = p.values ?? [p.min!, p.max!];
    const end =
      WORST_END[p.path as keyof typeof WORST_END] === 'max' ? Math.max(...values) : Math.min(...values);
    if (p.path === 'intake.perYear') worst.intake.perYear = end;
    else if (p.path === 'agentScale') worst.agentScale = end;
    else worst.years = end;
  }
  const runs = Math.max(1, plan.runCount);
  const job = estimateJobResources([worst], { runsEach: runs, workers });
  const design = designBytes(plan.experiment);
  return { job, designBytes: design, bytes: job.bytes + design };
}

/**
 * Checks an experiment against a memory budget in bytes (the same budget as a single run's):
 * undefined if it fits, otherwise a sentence naming what drives it (the design's size, or
 * the fields of the costliest run).
 * @example checkExperimentBudget(plan, 4, 8e9); // undefined, or "needs about 96 GB ..."
 */
export function checkExperimentBudget(
  plan: ExperimentPlan,
  workers: number,
  budgetBytes: number,
): string | undefined {
  const r = experimentResources(plan, workers);
  if (r.bytes <= budgetBytes) return undefined;
  const design = plan.experiment.design;
  if (design && r.designBytes > r.job.bytes) {
    const field = design.type === 'morris' ? 'design.trajectories' : 'design.samples';
    const size =
      design.type === 'morris' ? design.trajectories : 'samples' in design ? design.samples : undefined;
    return `needs about ${formatBytes(r.bytes)} of memory, more than the budget of ${formatBytes(budgetBytes)}: its design has ${plan.pointCount.toLocaleString('en-US')} points × ${plan.experiment.parameters.length} parameters (${formatBytes(r.designBytes)}), driven by ${design.type === 'factorial' ? "design.levels and the parameters' values" : `${field} = ${size}`}; make the design smaller or raise the budget with --max-memory`;
  }
  return checkMemoryBudget({ ...r.job, bytes: r.bytes }, budgetBytes);
}
