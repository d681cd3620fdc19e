// The edited scenario as settings against its base (`dispersion.termYears=6`, the syntax of
// `settle run --set`), so the URL hash reads like the command line and applies through the same
// function (setLever) and the same validation, with the same messages.
import {
  formatProblems,
  type Problem,
  type Scenario,
  setLever,
  validateScenario,
} from '@smart-settlement/scenarios';

/** Fields that name or describe a scenario rather than set it: never part of the settings. */
const LABELS = new Set(['name', 'description']);

/** The scenario with every default filled in, or the problems that stop it. */
export function filledScenario(
  input: unknown,
): { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] } {
  return validateScenario(input);
}

/** A policy's handle in a setting: its name, or its type (as `settle run --set` finds it). */
function policyHandle(policy: Record<string, unknown>): string {
  return String(policy.name ?? policy.type);
}

/** Every leaf of a JSON value by dotted path (lists are leaves: place lists are set whole). */
function leaves(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, value);
}

/** A scenario's settable values by the path `--set` takes: policies by their handle. */
function settingsMap(scenario: Scenario): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(scenario)) {
    if (LABELS.has(key)) continue;
    if (key === 'policies') {
      for (const policy of (value ?? []) as Record<string, unknown>[]) {
        const { type: _type, name: _name, ...levers } = policy;
        leaves(levers, policyHandle(policy), out);
      }
    } else leaves(value, key, out);
  }
  return out;
}

/**
 * The `path=value` settings that turn `base` into `edited` (both with defaults filled), in the
 * order of the scenario's fields.
 * @example settingsBetween(dispersion, longTerm) // ['dispersion.termYears=6']
 */
export function settingsBetween(base: Scenario, edited: Scenario): string[] {
  const before = settingsMap(base);
  const out: string[] = [];
  for (const [path, value] of settingsMap(edited)) {
    if (JSON.stringify(before.get(path)) !== JSON.stringify(value))
      out.push(`${path}=${JSON.stringify(value)}`);
  }
  return out;
}

/** The name of the edited scenario: the base's, marked as edited when any setting differs. */
export function editedName(base: Scenario, settings: readonly string[]): string {
  return settings.length ? `${base.name}-edited` : base.name;
}

/**
 * Applies settings to a base scenario and validates the result: the scenario with defaults
 * filled, or the message the command line would give (`field: got value; allowed: ...`).
 */
export function applySettings(
  base: Scenario,
  settings: readonly string[],
): { ok: true; scenario: Scenario } | { ok: false; message: string; problems: Problem[] } {
  let scenario = base;
  try {
    for (const s of settings) scenario = setLever(scenario, s);
  } catch (error) {
    return { ok: false, message: (error as Error).message, problems: [] };
  }
  const named = { ...scenario, name: editedName(base, settings) };
  if (settings.length && base.description !== undefined)
    named.description = `${base.description} Edited in the scenario explorer: ${settings.join(', ')}.`;
  const checked = validateScenario(named);
  return checked.ok
    ? { ok: true, scenario: checked.scenario }
    : { ok: false, message: formatProblems(checked.problems), problems: checked.problems };
}

/** The URL hash of a state: the base scenario's name, then each setting, `&`-separated. */
export function hashOf(baseName: string, settings: readonly string[]): string {
  return `#${[baseName, ...settings].map(encodeURIComponent).join('&')}`;
}

/** The base scenario's name and the settings a hash holds (empty when there is no hash). */
export function parseHash(hash: string): { base?: string; settings: string[] } {
  const parts = hash
    .replace(/^#/, '')
    .split('&')
    .filter((p) => p.length > 0)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  return { base: parts[0], settings: parts.slice(1) };
}

/** The value at a path of a JSON object, or undefined. */
export function getPath(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const key of path)
    at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

/** A copy of a JSON object with the value at a path replaced (objects on the way created). */
export function setPath<T>(value: T, path: readonly string[], next: unknown): T {
  const out = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  let at = out;
  for (const key of path.slice(0, -1)) {
    if (!at[key] || typeof at[key] !== 'object') at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[path[path.length - 1]] = next;
  return out as T;
}
