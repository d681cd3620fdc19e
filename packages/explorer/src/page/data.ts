import { LIBRARY, POLICIES, POLICY_TYPES, type Scenario } from '@smart-settlement/scenarios';

/** What `settle explore` hands the page: the scenarios (the first is the reference) and the run settings. */
export interface ExplorerData {
  scenarios: Scenario[];
  /** People each agent stands for in the page's runs. */
  agentScale: number;
  /** Replications run for each change. */
  replications: number;
}

/**
 * People each agent stands for in the page: the first result for the default Ontario scenario
 * (the edited scenario and its reference, one replication each) comes in under 3 seconds on a
 * 2-core machine in Chromium (test/explorer/explorer-browser.test.ts measures it). `settle run`
 * uses the scenario's own scale (20 by default).
 */
export const PAGE_AGENT_SCALE = 50;

/** Replications the page runs for each change; the intervals tighten as they come in. */
export const PAGE_REPLICATIONS = 10;

/** The text the built page holds where `settle explore` puts its data (JSON). */
export const DATA_PLACEHOLDER = '{"__EXPLORER_DATA__":true}';

/**
 * The scenarios the explorer holds by default: one per policy of the policy registry, in its
 * order (the baseline first, as the reference): the library's scenario of that name where there
 * is one, else the policy with its default levers. A policy added to the registry appears here.
 * @example
 * policyScenarios().map((s) => s.name) // ['baseline', 'dispersion', 'welcome', 'engagement', 'hybrid']
 */
export function policyScenarios(): Scenario[] {
  return POLICY_TYPES.map((type) => {
    const named = LIBRARY[type];
    if (named) return structuredClone(named);
    return {
      name: type,
      description: POLICIES[type].description,
      policies: type === 'baseline' ? [] : [{ type }],
    } as Scenario;
  });
}
