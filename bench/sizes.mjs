// The model sizes the benchmark runs: the default Ontario baseline with the intake scaled so
// that about 10 thousand, 1 million and 10 million people are present at the end. One agent
// stands for one person (agentScale 1), so people and agents are the same count.
import { namedScenario, resolveScenario } from '../packages/scenarios/dist/index.js';

/** Name, target people present, and the yearly intake that reaches it with the default parameters. */
export const SIZES = {
  small: { label: 'about 10 thousand people', perYear: 550 },
  medium: { label: 'about 1 million people', perYear: 55_000 },
  large: { label: 'about 10 million people', perYear: 540_000 },
};

/** The baseline scenario at a size, as a scenario object (JSON) and the engine's config. */
export function sizedBaseline(size) {
  const spec = SIZES[size];
  if (!spec) throw new Error(`bench: unknown size "${size}"; allowed: ${Object.keys(SIZES).join(', ')}`);
  const base = namedScenario('baseline');
  const scenario = { ...base, agentScale: 1, intake: { ...(base.intake ?? {}), perYear: spec.perYear } };
  return { scenario, config: resolveScenario(scenario).config };
}
