import { cloneJson } from './clone-json.js';
import type { Scenario } from './schema/scenario.js';

/**
 * Applies a `path=value` setting to a scenario, as `settle run --set` does. The first
 * segment may name a policy of the scenario (by name or type), e.g. `dispersion.termYears=6`
 * or `hybrid.engagement.budgetPerPilot=1e5`; otherwise the path starts at the scenario,
 * e.g. `params.utilEquity=0`, `years=30`, `places.Timmins.vacancyRate=0.002`.
 * The value is read as JSON when it parses (numbers, true, lists), else as text.
 * The result still has to pass validation, which names any wrong field.
 */
export function setLever(scenario: Scenario, setting: string): Scenario {
  const eq = setting.indexOf('=');
  if (eq <= 0) throw new Error(`--set ${setting}: expected path=value, such as dispersion.termYears=6`);
  const path = setting.slice(0, eq).split('.');
  const raw = setting.slice(eq + 1);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  const out = cloneJson(scenario) as Record<string, unknown>;
  const policies = (out.policies ?? []) as Record<string, unknown>[];
  const policy =
    policies.find((p) => (p.name ?? p.type) === path[0]) ?? policies.find((p) => p.type === path[0]);
  let target: Record<string, unknown> = policy ?? out;
  const keys = policy ? path.slice(1) : path;
  if (keys.length === 0)
    throw new Error(`--set ${setting}: name a lever of ${path[0]}, such as ${path[0]}.termYears`);
  for (const key of keys.slice(0, -1)) {
    const next = target[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  target[keys[keys.length - 1]] = value;
  return out as Scenario;
}
