/**
 * A tiny schema language: each schema value is at once the TypeScript type (by
 * inference), the validator and the JSON Schema of the thing it describes, so the three
 * never drift apart.
 */

/** One problem found in an input: where, what was there, and what is allowed. */
export interface Problem {
  /** Path to the field, such as `policies[0].termYears`. */
  path: string;
  /** The value found (undefined when missing). */
  value: unknown;
  /** What would have been accepted. */
  allowed: string;
}

/**
 * A validator for one kind of JSON value that also describes itself as JSON Schema. Build
 * schemas with {@link num}, {@link str}, {@link obj} and the other combinators.
 * @example
 * const problems: Problem[] = [];
 * num({ min: 0, max: 1 }).check(2, 'uptake', problems); // undefined; problems[0].allowed: 'a number from 0 to 1'
 */
export interface Schema<T> {
  /** Checks a value; returns the value with defaults filled, or undefined after pushing problems. */
  check(value: unknown, path: string, problems: Problem[]): T | undefined;
  /** The JSON Schema (draft 2020-12) fragment. */
  json(): Record<string, unknown>;
  /** A phrase saying what is allowed. */
  readonly allowed: string;
  readonly optional?: boolean;
  readonly defaultValue?: T;
}

/**
 * The TypeScript type a schema accepts.
 * @example type Levers = Infer<typeof dispersionSchema>;
 */
export type Infer<S> = S extends Schema<infer T> ? T : never;

/** Bounds and description of a {@link num} schema. */
export interface NumberOptions {
  min?: number;
  max?: number;
  integer?: boolean;
  description?: string;
}

const show = (n: number) => (Math.abs(n) >= 10000 ? n.toLocaleString('en-US') : String(n));

/** A finite number, optionally an integer within bounds. */
export function num(o: NumberOptions = {}): Schema<number> {
  const what = o.integer ? 'an integer' : 'a number';
  const allowed =
    o.min !== undefined && o.max !== undefined
      ? `${what} from ${show(o.min)} to ${show(o.max)}`
      : o.min !== undefined
        ? `${what} of at least ${show(o.min)}`
        : o.max !== undefined
          ? `${what} of at most ${show(o.max)}`
          : what;
  return {
    allowed,
    check(value, path, problems) {
      if (
        typeof value !== 'number' ||
        !Number.isFinite(value) ||
        (o.integer && !Number.isInteger(value)) ||
        (o.min !== undefined && value < o.min) ||
        (o.max !== undefined && value > o.max)
      ) {
        problems.push({ path, value, allowed });
        return undefined;
      }
      return value;
    },
    json: () => ({
      type: o.integer ? 'integer' : 'number',
      ...(o.min !== undefined ? { minimum: o.min } : {}),
      ...(o.max !== undefined ? { maximum: o.max } : {}),
      ...(o.description ? { description: o.description } : {}),
    }),
  };
}

/** A share, 0 to 1. */
export const share = (description?: string) => num({ min: 0, max: 1, description });

/** True or false. */
export function bool(description?: string): Schema<boolean> {
  const allowed = 'true or false';
  return {
    allowed,
    check(value, path, problems) {
      if (typeof value !== 'boolean') {
        problems.push({ path, value, allowed });
        return undefined;
      }
      return value;
    },
    json: () => ({ type: 'boolean', ...(description ? { description } : {}) }),
  };
}

/** A string, optionally with a minimum length and a pattern it must match. */
export function str(o: { minLength?: number; pattern?: RegExp; description?: string } = {}): Schema<string> {
  const allowed = o.pattern
    ? `a string matching ${o.pattern.source}`
    : o.minLength
      ? 'a non-empty string'
      : 'a string';
  return {
    allowed,
    check(value, path, problems) {
      if (
        typeof value !== 'string' ||
        value.length < (o.minLength ?? 0) ||
        (o.pattern && !o.pattern.test(value))
      ) {
        problems.push({ path, value, allowed });
        return undefined;
      }
      return value;
    },
    json: () => ({
      type: 'string',
      ...(o.minLength ? { minLength: o.minLength } : {}),
      ...(o.pattern ? { pattern: o.pattern.source } : {}),
      ...(o.description ? { description: o.description } : {}),
    }),
  };
}

/**
 * One of a fixed list of strings.
 * @example literal(['smaller', 'all'] as const)
 */
export function literal<const L extends string>(values: readonly L[], description?: string): Schema<L> {
  const allowed = `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
  return {
    allowed,
    check(value, path, problems) {
      if (!values.includes(value as L)) {
        problems.push({ path, value, allowed });
        return undefined;
      }
      return value as L;
    },
    json: () => ({ enum: [...values], ...(description ? { description } : {}) }),
  };
}

/** A list of values of one schema, optionally with bounds on its length. */
export function arr<T>(
  item: Schema<T>,
  o: { minItems?: number; maxItems?: number; description?: string } = {},
): Schema<T[]> {
  const bounds =
    o.minItems !== undefined && o.maxItems !== undefined
      ? ` with ${o.minItems} to ${o.maxItems} items`
      : o.minItems
        ? ` with at least ${o.minItems} item${o.minItems > 1 ? 's' : ''}`
        : '';
  const allowed = `a list${bounds} of ${item.allowed}`;
  return {
    allowed,
    check(value, path, problems) {
      if (
        !Array.isArray(value) ||
        (o.minItems !== undefined && value.length < o.minItems) ||
        (o.maxItems !== undefined && value.length > o.maxItems)
      ) {
        problems.push({ path, value, allowed });
        return undefined;
      }
      const before = problems.length;
      const out = value.map((v, i) => item.check(v, `${path}[${i}]`, problems));
      return problems.length === before ? (out as T[]) : undefined;
    },
    json: () => ({
      type: 'array',
      items: item.json(),
      ...(o.minItems !== undefined ? { minItems: o.minItems } : {}),
      ...(o.maxItems !== undefined ? { maxItems: o.maxItems } : {}),
      ...(o.description ? { description: o.description } : {}),
    }),
  };
}

/** Either of two schemas (the first that accepts the value wins). */
export function either<A, B>(a: Schema<A>, b: Schema<B>, description?: string): Schema<A | B> {
  const allowed = `${a.allowed}, or ${b.allowed}`;
  return {
    allowed,
    check(value, path, problems) {
      const trial: Problem[] = [];
      const first = a.check(value, path, trial);
      if (trial.length === 0) return first;
      const trial2: Problem[] = [];
      const second = b.check(value, path, trial2);
      if (trial2.length === 0) return second;
      problems.push({ path, value, allowed });
      return undefined;
    },
    json: () => ({ anyOf: [a.json(), b.json()], ...(description ? { description } : {}) }),
  };
}

/** Marks a field optional, with an optional default filled in when absent. */
export function opt<T>(schema: Schema<T>, defaultValue?: T): Schema<T> & { readonly optional: true } {
  return { ...schema, optional: true, defaultValue };
}

type Fields = Record<string, Schema<unknown>>;
type Optional<F extends Fields> = {
  [K in keyof F]: F[K] extends { readonly optional: true } ? K : never;
}[keyof F];
/** The object type that {@link obj} accepts for the given fields: optional fields may be absent. */
export type ObjectOf<F extends Fields> = { [K in Exclude<keyof F, Optional<F>>]: Infer<F[K]> } & {
  [K in Optional<F>]?: Infer<F[K]>;
};

/** An object with known fields; unknown fields are errors (a typo must not pass silently). */
export function obj<F extends Fields>(fields: F, description?: string): Schema<ObjectOf<F>> {
  const names = Object.keys(fields);
  const allowed = 'an object';
  return {
    allowed,
    check(value, path, problems) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push({ path, value, allowed });
        return undefined;
      }
      const before = problems.length;
      const input = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(input)) {
        if (key === '$schema') continue;
        if (!(key in fields)) {
          problems.push({
            path: join(path, key),
            value: input[key],
            allowed: `no such field; known fields: ${names.join(', ')}`,
          });
        }
      }
      for (const key of names) {
        const schema = fields[key];
        if (input[key] === undefined) {
          if (schema.optional) {
            // Defaults go through the schema too, so nested defaults are filled.
            if (schema.defaultValue !== undefined) {
              out[key] = schema.check(cloneJson(schema.defaultValue), join(path, key), problems);
            }
            continue;
          }
          problems.push({ path: join(path, key), value: undefined, allowed: `required: ${schema.allowed}` });
          continue;
        }
        const checked = schema.check(input[key], join(path, key), problems);
        if (checked !== undefined) out[key] = checked;
      }
      return problems.length === before ? (out as ObjectOf<F>) : undefined;
    },
    json: () => ({
      type: 'object',
      additionalProperties: false,
      properties: {
        $schema: { type: 'string' },
        ...Object.fromEntries(names.map((k) => [k, fields[k].json()])),
      },
      required: names.filter((k) => !fields[k].optional),
      ...(description ? { description } : {}),
    }),
  };
}

/** A map from free keys (such as place names) to values of one schema. */
export function record<T>(value: Schema<T>, description?: string): Schema<Record<string, T>> {
  const allowed = `an object whose values are ${value.allowed}`;
  return {
    allowed,
    check(input, path, problems) {
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        problems.push({ path, value: input, allowed });
        return undefined;
      }
      const before = problems.length;
      const out: Record<string, T> = {};
      for (const [k, v] of Object.entries(input)) {
        const checked = value.check(v, join(path, k), problems);
        if (checked !== undefined) out[k] = checked;
      }
      return problems.length === before ? out : undefined;
    },
    json: () => ({
      type: 'object',
      additionalProperties: value.json(),
      ...(description ? { description } : {}),
    }),
  };
}

/** A tagged union on a "type" field. */
export function tagged<M extends Record<string, Schema<unknown>>>(
  variants: M,
  description?: string,
): Schema<{ [K in keyof M]: Infer<M[K]> }[keyof M]> {
  const tags = Object.keys(variants);
  const allowed = `an object with "type" one of ${tags.map((t) => JSON.stringify(t)).join(', ')}`;
  return {
    allowed,
    check(value, path, problems) {
      const tag =
        typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
      if (typeof tag !== 'string' || !(tag in variants)) {
        problems.push({
          path: join(path, 'type'),
          value: tag,
          allowed: `one of ${tags.map((t) => JSON.stringify(t)).join(', ')}`,
        });
        return undefined;
      }
      return variants[tag].check(value, path, problems) as
        | { [K in keyof M]: Infer<M[K]> }[keyof M]
        | undefined;
    },
    json: () => ({ oneOf: tags.map((t) => variants[t].json()), ...(description ? { description } : {}) }),
  };
}

function join(path: string, key: string): string {
  return path ? (/^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`) : key;
}

/** Formats problems one per line: `path: got VALUE; allowed: ...`. */
export function formatProblems(problems: Problem[]): string {
  return problems
    .map(
      (p) =>
        `${p.path || '(root)'}: got ${p.value === undefined ? 'nothing' : JSON.stringify(p.value)}; allowed: ${p.allowed}`,
    )
    .join('\n');
}

/** A deep copy of JSON data (scenarios are JSON data). */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
