/**
 * Field builders on zod: each returns a zod schema whose every error says, in words, what
 * is allowed ("an integer from 0 to 50"), so that a problem names the field, the value and
 * what is allowed (see `problems.ts`). Scenario files and experiment files are built from these.
 */
import * as z from 'zod';

/** zod's error option for a schema whose problems all say `allowed` (or "required: ..." when missing). */
function says(allowed: string) {
  return {
    error: (issue: { input?: unknown }) => (issue.input === undefined ? `required: ${allowed}` : allowed),
  };
}

/** Adds a description (for the JSON Schema and the explorer) when there is one. */
function described<S extends z.ZodType>(schema: S, description: string | undefined): S {
  return description ? schema.describe(description) : schema;
}

const show = (n: number) => (Math.abs(n) >= 10000 ? n.toLocaleString('en-US') : String(n));

/** Bounds and description of a {@link num} field. */
export interface NumberOptions {
  min?: number;
  max?: number;
  integer?: boolean;
  description?: string;
}

/** A finite number, optionally an integer within bounds. */
export function num(o: NumberOptions = {}): z.ZodNumber {
  const what = o.integer ? 'an integer' : 'a number';
  const allowed =
    o.min !== undefined && o.max !== undefined
      ? `${what} from ${show(o.min)} to ${show(o.max)}`
      : o.min !== undefined
        ? `${what} of at least ${show(o.min)}`
        : o.max !== undefined
          ? `${what} of at most ${show(o.max)}`
          : what;
  let schema = o.integer ? z.int(says(allowed)) : z.number(says(allowed));
  if (o.min !== undefined) schema = schema.min(o.min, says(allowed));
  if (o.max !== undefined) schema = schema.max(o.max, says(allowed));
  return described(schema, o.description);
}

/** A share, 0 to 1. */
export const share = (description?: string) => num({ min: 0, max: 1, description });

/** True or false. */
export const bool = (description?: string) => described(z.boolean(says('true or false')), description);

/** A string, optionally with a minimum length and a pattern it must match. */
export function str(o: { minLength?: number; pattern?: RegExp; description?: string } = {}): z.ZodString {
  const allowed = o.pattern
    ? `a string matching ${o.pattern.source}`
    : o.minLength
      ? 'a non-empty string'
      : 'a string';
  let schema = z.string(says(allowed));
  if (o.minLength) schema = schema.min(o.minLength, says(allowed));
  if (o.pattern) schema = schema.regex(o.pattern, says(allowed));
  return described(schema, o.description);
}

/** The name of a scenario or an experiment (it names folders and files): letters, digits, dot, dash, underscore. */
export const fileName = () =>
  str({ pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/, description: 'letters, digits, dot, dash, underscore' });

/**
 * One of a fixed list of strings.
 * @example oneOf(['smaller', 'all'] as const)
 */
export function oneOf<const L extends readonly [string, ...string[]]>(values: L, description?: string) {
  return described(
    z.enum(values, says(`one of ${values.map((v) => JSON.stringify(v)).join(', ')}`)),
    description,
  );
}

/** A list of values of one schema, optionally with bounds on its length. */
export function list<T extends z.ZodType>(
  item: T,
  o: { minItems?: number; maxItems?: number; description?: string; itemsAllowed?: string } = {},
): z.ZodArray<T> {
  const bounds =
    o.minItems !== undefined && o.maxItems !== undefined
      ? ` with ${o.minItems} to ${o.maxItems} items`
      : o.minItems
        ? ` with at least ${o.minItems} item${o.minItems > 1 ? 's' : ''}`
        : '';
  const allowed = `a list${bounds} of ${allowedOf(item)}`;
  let schema = z.array(item, says(allowed));
  if (o.minItems !== undefined) schema = schema.min(o.minItems, says(allowed));
  if (o.maxItems !== undefined) schema = schema.max(o.maxItems, says(allowed));
  return described(schema, o.description);
}

/** Either of two schemas (the first that accepts the value wins). */
export function either<A extends z.ZodType, B extends z.ZodType>(a: A, b: B, description?: string) {
  return described(z.union([a, b], says(`${allowedOf(a)}, or ${allowedOf(b)}`)), description);
}

/**
 * An object with known fields: an unknown field is an error naming it (a typo must not pass
 * silently, and `constructor` or `__proto__` are unknown fields like any other).
 */
export function strict<S extends z.ZodRawShape>(
  shape: S,
  description?: string,
): z.ZodObject<S, z.core.$strict> {
  const known = `no such field; known fields: ${Object.keys(shape).join(', ')}`;
  return described(
    z.strictObject(shape, {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? known
          : issue.input === undefined
            ? 'required: an object'
            : 'an object',
    }),
    description,
  );
}

/** What a schema built here accepts, in words (its error for a wrong value). */
export function allowedOf(schema: z.ZodType): string {
  const error = schema._zod.def.error as ((issue: { input: unknown }) => string) | undefined;
  return error?.({ input: null }) ?? 'a valid value';
}

const jsonSchemaExtras = new WeakMap<object, Record<string, unknown>>();

/** Marks a schema with JSON Schema keywords that zod cannot infer (such as the enum of a refined string). */
export function withJsonSchema<S extends z.ZodType>(schema: S, extra: Record<string, unknown>): S {
  jsonSchemaExtras.set(schema, extra);
  return schema;
}

/**
 * The JSON Schema (draft 2020-12) of a file format: zod's, under the given `$id` and title, with
 * the keywords of {@link withJsonSchema}. Fields with a default are optional, as in the files.
 */
export function jsonSchemaOf(schema: z.ZodType, id: string, title: string): Record<string, unknown> {
  const { $schema: _, ...body } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    override: ({ zodSchema, jsonSchema }) => {
      Object.assign(jsonSchema, jsonSchemaExtras.get(zodSchema));
    },
  });
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: id, title, ...body };
}
