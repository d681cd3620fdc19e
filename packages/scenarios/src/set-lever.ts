import { cloneJson } from './clone-json.js';
import { jsonDepthProblem } from './json-depth.js';
import { isReservedKey } from './reserved-keys.js';
import type { Scenario } from './schema/scenario.js';

/**
 * Applies a `path=value` setting to a scenario, as `settle run --set` does. The first
 * segment may name a policy of the scenario (by name or type), e.g. `dispersion.termYears=6`
 * or `hybrid.engagement.budgetPerPilot=1e5`; otherwise the path starts at the scenario,
 * e.g. `params.utilEquity=0`, `years=30`, `places.Timmins.vacancyRate=0.002`; a list is entered
 * by position, e.g. `policies.0.termYears=5`.
 * The value is read as JSON when it parses (numbers, true, lists), else as text.
 * The result still has to pass validation, which names any wrong field. Keys are looked up
 * as own properties only, and a path through a built-in member name (`__proto__`,
 * `constructor`, `prototype`) or an empty segment is refused.
 */
export function setLever(scenario: Scenario, setting: string): Scenario {
  const eq = setting.indexOf('=');
  if (eq <= 0) throw new Error(`--set ${setting}: expected path=value, such as dispersion.termYears=6`);
  const path = setting.slice(0, eq).split('.');
  const shown = setting.slice(0, eq).length > 100 ? `${setting.slice(0, 100)}…` : setting.slice(0, eq);
  for (const key of path) {
    if (key === '')
      throw new Error(
        `--set ${shown}: an empty name in the path; expected path=value, such as dispersion.termYears=6`,
      );
    if (isReservedKey(key))
      throw new Error(`--set ${shown}: "${key}" is a reserved name, not a field of a scenario`);
  }
  const raw = setting.slice(eq + 1);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  const tooDeep = jsonDepthProblem(value);
  if (tooDeep) throw new Error(`--set ${shown}: the value is nested too deeply (at ${tooDeep})`);
  const out = cloneJson(scenario) as Record<string, unknown>;
  const policies = (out.policies ?? []) as Record<string, unknown>[];
  const policy =
    policies.find((p) => (p.name ?? p.type) === path[0]) ?? policies.find((p) => p.type === path[0]);
  let target: Record<string, unknown> = policy ?? out;
  const keys = policy ? path.slice(1) : path;
  if (keys.length === 0)
    throw new Error(`--set ${setting}: name a lever of ${path[0]}, such as ${path[0]}.termYears`);
  for (let k = 0; k < keys.length - 1; k++) {
    const key = keys[k];
    const next = Object.hasOwn(target, key) ? target[key] : undefined;
    // A list is entered by position (`policies.0.termYears`), so a lever of an unnamed
    // policy can be set; any other non-object on the way is replaced by an object.
    const entersList = Array.isArray(next) && isPositionIn(next, keys[k + 1]);
    if (typeof next !== 'object' || next === null || (Array.isArray(next) && !entersList)) target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  target[keys[keys.length - 1]] = value;
  return out as Scenario;
}

/** Whether `key` is the position of an element of `list` (0, 1, ...), written without sign or leading zero. */
function isPositionIn(list: readonly unknown[], key: string): boolean {
  return /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < list.length;
}
