// The one place the explorer reads the scenario schema: it turns the scenario package's JSON
// Schema (what `settle schema` prints), its validator (for defaults), its policy registry (for
// what each policy does) and core's parameter table into the fields the controls are drawn from.
// Nothing about a lever is written in the explorer.
import { DEFAULT_PARAMS, PARAMETER_INFO } from '@smart-settlement/core';
import { ontarioPlaces, POLICIES, scenarioJsonSchema, validateScenario } from '@smart-settlement/scenarios';

type JsonSchema = Record<string, unknown> & {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  description?: string;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
};

/** What every field has: where it sits in a policy or scenario, a label and what it means. */
interface FieldBase {
  /** The key inside its object (`termYears`). */
  key: string;
  /** The path from the policy (or from the scenario for run settings), e.g. `['dispersion', 'termYears']`. */
  path: string[];
  label: string;
  description: string;
  /** The schema's default (undefined if it has none). */
  defaultValue?: unknown;
}

/** A number lever: bounds from the schema, a unit read from the schema or its description. */
export interface NumberField extends FieldBase {
  kind: 'number';
  min?: number;
  max?: number;
  integer: boolean;
  unit?: string;
}
/** A switch. */
export interface BooleanField extends FieldBase {
  kind: 'boolean';
}
/** Places chosen by group (`smaller`, `metro`...) or by name. */
export interface PlacesField extends FieldBase {
  kind: 'places';
  groups: string[];
}
/** A number of places ranked by the policy (e.g. pilots by readiness), or places by name. */
export interface CountOrPlacesField extends FieldBase {
  kind: 'count-or-places';
  min?: number;
  max?: number;
}
/** One of a fixed list of words (e.g. how quotas are set). */
export interface ChoiceField extends FieldBase {
  kind: 'choice';
  options: string[];
}
/** Some of a fixed list of words (e.g. immigrant classes); absent means what the description says. */
export interface MultiChoiceField extends FieldBase {
  kind: 'multi-choice';
  options: string[];
}
/** A nested set of levers (a hybrid's dispersion part). */
export interface GroupField extends FieldBase {
  kind: 'group';
  fields: Field[];
}
/** One control of the form. */
export type Field =
  | NumberField
  | BooleanField
  | PlacesField
  | CountOrPlacesField
  | ChoiceField
  | MultiChoiceField
  | GroupField;

/** A behavioural parameter: its schema bounds, its documented range and where its value comes from. */
export interface AssumptionField extends NumberField {
  /** The documented plausible range (docs/MODEL.md). */
  range: [number, number];
  /** "calibrated", "literature: ..." or "assumption". */
  source: string;
}

let cachedSchema: JsonSchema | undefined;
/** The scenario JSON Schema, with `$ref`s into `$defs` resolved when read. */
function scenarioSchema(): JsonSchema {
  cachedSchema ??= scenarioJsonSchema() as JsonSchema;
  return cachedSchema;
}
function deref(node: JsonSchema | undefined): JsonSchema | undefined {
  if (!node?.$ref) return node;
  const parts = node.$ref.replace(/^#\//, '').split('/');
  let at: unknown = scenarioSchema();
  for (const p of parts) at = (at as Record<string, unknown>)?.[p];
  return deref(at as JsonSchema);
}
const variants = (node: JsonSchema | undefined) => (node?.oneOf ?? node?.anyOf ?? []).map((v) => deref(v)!);

/** "budgetPerPilot" -> "Budget per pilot". */
export function labelOf(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/([0-9])([a-z])/g, '$1$2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The unit of a number field: the schema's own (`unit`), else read from how its description starts. */
function unitOf(node: JsonSchema, key: string): string | undefined {
  const own = node.unit ?? node['x-unit'];
  if (typeof own === 'string') return own;
  const d = (node.description ?? '').toLowerCase();
  if (/^dollars?\b/.test(d)) return 'dollars';
  if (/^years?\b/.test(d) || /Years$/.test(key)) return 'years';
  if (/^share\b/.test(d) || (node.minimum === 0 && node.maximum === 1)) return 'share, 0 to 1';
  if (/^people\b/.test(d)) return 'people';
  return undefined;
}

/** Whether a list's items are place names (free names, or the region's places as an enum). */
function isPlaceList(items: JsonSchema | undefined): boolean {
  if (items?.type !== 'string') return false;
  if (!Array.isArray(items.enum)) return true;
  const names = new Set(ontarioPlaces().places.map((p) => p.name));
  return items.enum.every((n) => names.has(String(n)));
}

/** The field for one property of an object schema, or undefined for what the form does not edit. */
function fieldOf(key: string, raw: JsonSchema, path: string[], defaults: unknown): Field | undefined {
  const node = deref(raw)!;
  const base = {
    key,
    path: [...path, key],
    label: labelOf(key),
    description: node.description ?? '',
    defaultValue: node.default ?? (defaults as Record<string, unknown> | undefined)?.[key],
  };
  if (node.type === 'number' || node.type === 'integer')
    return {
      ...base,
      kind: 'number',
      min: node.minimum,
      max: node.maximum,
      integer: node.type === 'integer',
      unit: unitOf(node, key),
    };
  if (node.type === 'boolean') return { ...base, kind: 'boolean' };
  if (node.type === 'string' && Array.isArray(node.enum))
    return { ...base, kind: 'choice', options: node.enum.map(String) };
  const items = deref(node.items);
  if (node.type === 'array' && Array.isArray(items?.enum) && !isPlaceList(items))
    return { ...base, kind: 'multi-choice', options: items.enum.map(String) };
  const options = variants(node);
  const list = options.find(
    (o) => o.type === 'array' && deref(o.items)?.type === 'string' && isPlaceList(deref(o.items)),
  );
  if (list) {
    const groups = options.find((o) => Array.isArray(o.enum));
    if (groups) return { ...base, kind: 'places', groups: groups.enum!.map(String) };
    const count = options.find((o) => o.type === 'integer' || o.type === 'number');
    if (count) return { ...base, kind: 'count-or-places', min: count.minimum, max: count.maximum };
  }
  if (node.type === 'object' && node.properties) {
    const inner = (defaults as Record<string, unknown> | undefined)?.[key];
    return { ...base, kind: 'group', fields: objectFields(node, [...path, key], inner) };
  }
  return undefined; // names, the policy's type tag: not levers
}

function objectFields(node: JsonSchema, path: string[], defaults: unknown): Field[] {
  return Object.entries(node.properties ?? {})
    .filter(([key]) => key !== '$schema' && key !== 'type' && key !== 'name')
    .map(([key, prop]) => fieldOf(key, prop, path, defaults))
    .filter((f): f is Field => f !== undefined);
}

/** The tag of a policy variant: its `type` (a const in zod's JSON Schema, a one-value enum elsewhere). */
function tagOf(variant: JsonSchema): string {
  const type = deref(variant.properties?.type);
  return String(type?.const ?? type?.enum?.[0]);
}

/** The policy types the schema accepts, in its order. */
export function policyTypes(): string[] {
  const policies = deref(scenarioSchema().properties?.policies);
  return variants(deref(policies?.items)).map(tagOf);
}

/** What a policy type does, in one line (from the policy registry). */
export function policyDescription(type: string): string {
  return (POLICIES as Record<string, { description?: string }>)[type]?.description ?? '';
}

/** The levers of a policy type, with the defaults validation fills in. */
export function policyFields(type: string): Field[] {
  const policies = deref(scenarioSchema().properties?.policies);
  const variant = variants(deref(policies?.items)).find((v) => tagOf(v) === type);
  if (!variant) return [];
  const filled = validateScenario({ name: 'defaults', policies: [{ type }] });
  const defaults = filled.ok ? filled.scenario.policies?.[0] : undefined;
  return objectFields(variant, [], defaults);
}

/** The run settings a scenario holds (years, seed, replications, agent scale...): its top-level numbers. */
export function runFields(): NumberField[] {
  const filled = validateScenario({ name: 'defaults' });
  const defaults = filled.ok ? filled.scenario : undefined;
  return objectFields(scenarioSchema(), [], defaults).filter((f): f is NumberField => f.kind === 'number');
}

/** The behavioural parameters that are single numbers, with their documented ranges and sources. */
export function assumptionFields(): AssumptionField[] {
  const params = deref(scenarioSchema().properties?.params);
  const info = PARAMETER_INFO as Record<
    string,
    { description: string; range: [number, number]; source: string }
  >;
  const defaults = DEFAULT_PARAMS as unknown as Record<string, unknown>;
  return objectFields(params!, ['params'], defaults)
    .filter((f): f is NumberField => f.kind === 'number' && info[f.key] !== undefined)
    .map((f) => ({
      ...f,
      description: info[f.key].description,
      range: info[f.key].range,
      source: info[f.key].source,
    }));
}
