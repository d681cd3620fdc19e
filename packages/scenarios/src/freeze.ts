import type { ModelConfig } from '@smart-settlement/core';
import { cloneJson } from './clone-json.js';
import type { CheckedScenario } from './schema/scenario.js';

const PLACE_FIELDS = [
  'population',
  'foreignBornShare',
  'vacancyRate',
  'wageIndex',
  'costOfLiving',
  'amenity',
  'learningAccess',
  'leadership',
  'inclusion',
  'hostOpenness',
  'initiatives',
  'institutions',
  'champion',
  'diversityCommitment',
  'recognisedNeed',
  'smaller',
] as const;

/**
 * The scenario with every default made explicit (all parameters, the whole intake, every
 * attribute of every place, every lever), so that a manifest reproduces a run even if a
 * later version changes a default.
 */
export function freezeScenario(scenario: CheckedScenario, config: ModelConfig): CheckedScenario {
  const frozen = cloneJson(scenario);
  frozen.years = config.years;
  frozen.startYear = config.startYear;
  frozen.agentScale = config.agentScale;
  frozen.params = cloneJson(config.params) as unknown as CheckedScenario['params'];
  frozen.intake = cloneJson(config.intake) as unknown as CheckedScenario['intake'];
  frozen.places = Object.fromEntries(
    config.places.map((p) => [p.name, Object.fromEntries(PLACE_FIELDS.map((f) => [f, p[f]]))]),
  ) as CheckedScenario['places'];
  return frozen;
}
