/**
 * One problem format for every input the project reads (scenario files, experiment files,
 * the `--set` of the command line): the field, the value found, and what is allowed. zod's
 * issues are turned into problems in one function, {@link problemsOf}.
 */
import type * as z from 'zod';
import { showValue } from '../show-value.js';

/** One problem found in an input: where, what was there, and what is allowed. */
export interface Problem {
  /** Path to the field, such as `policies[0].termYears` or `places["Sault Ste. Marie"]`. */
  path: string;
  /** The value found (undefined when missing). */
  value: unknown;
  /** What would have been accepted. */
  allowed: string;
}

/** The result of {@link check}: the value with its defaults filled, or the problems. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/**
 * Checks an input against a schema: the value with every default filled in, or every problem.
 * Own keys named `__proto__` are refused wherever they stand (a record would drop them silently).
 */
export function check<S extends z.ZodType>(schema: S, input: unknown): Checked<z.output<S>> {
  const reserved = reservedKeys(input, []);
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success && reserved.length === 0) return { ok: true, value: result.data };
  // zod names an own `__proto__` of a strict object too: keep one problem for it.
  const others = result.success
    ? []
    : problemsOf(result.error.issues).filter((p) => !p.path.endsWith('["__proto__"]'));
  return { ok: false, problems: [...reserved, ...others] };
}

/** zod's issues as problems: one per field, with its path, the value found and what is allowed. */
export function problemsOf(issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    const at = issue.path as PropertyKey[];
    const input = (issue as { input?: unknown }).input;
    if (issue.code === 'unrecognized_keys') {
      const object = input as Record<string, unknown>;
      return issue.keys.map((key) => ({
        path: pathOf([...at, key]),
        value: object?.[key],
        allowed: issue.message,
      }));
    }
    if (issue.code === 'invalid_union' && issue.discriminator !== undefined) {
      // zod's path already ends with the discriminator; the value is the object's tag.
      const tag =
        typeof input === 'object' && input !== null
          ? (input as Record<string, unknown>)[issue.discriminator]
          : undefined;
      const options = (issue as { options?: unknown[] }).options ?? [];
      return [
        {
          path: pathOf(at),
          value: tag,
          allowed: `one of ${options.map((o) => JSON.stringify(o)).join(', ')}`,
        },
      ];
    }
    if (issue.code === 'invalid_key')
      // A key is named as a key, even when it reads like a field name: `places["Atlantis"]`.
      return [
        {
          path: `${pathOf(at.slice(0, -1))}[${JSON.stringify(input)}]`,
          value: input,
          allowed: issue.message,
        },
      ];
    return [{ path: pathOf(at), value: input, allowed: issue.message }];
  });
}

/** `policies[0].termYears`, `places["Sault Ste. Marie"]`: dotted names, indexes and quoted keys. */
export function pathOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (key === '__proto__') out += '["__proto__"]';
    else if (!out) out = String(key);
    else if (/^[A-Za-z_$][\w$]*$/.test(String(key))) out += `.${String(key)}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Formats problems one per line: `path: got VALUE; allowed: ...`. */
export function formatProblems(problems: Problem[]): string {
  return problems
    .map(
      (p) =>
        `${p.path || '(root)'}: got ${p.value === undefined ? 'nothing' : showValue(p.value)}; allowed: ${p.allowed}`,
    )
    .join('\n');
}

function reservedKeys(value: unknown, at: PropertyKey[]): Problem[] {
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => reservedKeys(v, [...at, i]));
  return Object.keys(value).flatMap((key) =>
    key === '__proto__'
      ? [
          {
            path: pathOf([...at, key]),
            value: (value as Record<string, unknown>)[key],
            allowed: 'no such field (a reserved name)',
          },
        ]
      : reservedKeys((value as Record<string, unknown>)[key], [...at, key]),
  );
}
