/** How deeply an input may nest lists and objects (scenario and experiment files need fewer than 10 levels). */
export const MAX_JSON_DEPTH = 64;

/**
 * Checks, without recursion, that a parsed JSON value nests no deeper than `maxDepth`.
 * Returns undefined, or the path where it goes deeper (for an error message).
 * @example jsonDepthProblem(JSON.parse('[[[1]]]'), 2); // '[0][0]'
 */
export function jsonDepthProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): string | undefined {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value: v, depth, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= maxDepth) return path || '(root)';
    if (Array.isArray(v))
      for (let i = 0; i < v.length; i++) stack.push({ value: v[i], depth: depth + 1, path: `${path}[${i}]` });
    else
      for (const key of Object.keys(v))
        stack.push({
          value: Object.getOwnPropertyDescriptor(v, key)?.value,
          depth: depth + 1,
          path: path ? `${path}.${key}` : key,
        });
  }
  return undefined;
}
