// The explorer without a browser: `settle explore` (what it writes, what it refuses), the
// controls read from the scenario schema (every lever, with the schema's bounds and defaults),
// and the edited scenario's round trip through settings and the URL hash.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARAMETER_INFO } from '@smart-settlement/core';
import {
  applySettings,
  assumptionFields,
  type Field,
  hashOf,
  parseHash,
  policyFields,
  policyTypes,
  setPath,
  settingsBetween,
} from '@smart-settlement/explorer/internals';
import { LIBRARY, POLICY_TYPES, scenarioJsonSchema, validateScenario } from '@smart-settlement/scenarios';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settleInProcess, tempDir } from '../../helpers/cli.ts';

/** The scenarios and settings a written page holds. */
function pageData(file: string) {
  const html = readFileSync(file, 'utf8');
  const json = html.match(/<script type="application\/json" id="explorer-data">(.*?)<\/script>/s)?.[1];
  return JSON.parse(json ?? 'null') as {
    scenarios: { name: string }[];
    agentScale: number;
    replications: number;
  };
}

describe('settle explore', () => {
  it('writes one page holding a scenario per policy of the registry, the baseline first as the reference', async () => {
    const out = join(tempDir(), 'explorer.html');
    const r = await settleInProcess(['explore', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const data = pageData(out);
    expect(data.scenarios.map((s) => s.name)).toEqual([...POLICY_TYPES]);
    expect(data.scenarios[0].name).toBe('baseline');
    expect(r.stdout).toMatch(/Wrote .*explorer\.html \(\d+\.\d MB; .*reference baseline\)/);
    // Self-contained: no script, style or worker is fetched from anywhere.
    const html = readFileSync(out, 'utf8');
    expect(/<script[^>]+src=|<link[^>]+href=/.test(html), 'a script or style loaded from elsewhere').toBe(
      false,
    );
  });

  it('takes named scenarios and files, --set, --agent-scale and --replications', async () => {
    const out = join(tempDir(), 'page.html');
    const r = await settleInProcess([
      'explore',
      'baseline',
      'dispersion-long-term',
      '--set',
      'params.utilEquity=1',
      '--agent-scale',
      '100',
      '--replications',
      '4',
      '--out',
      out,
    ]);
    expect(r.status, r.stderr).toBe(0);
    const data = pageData(out) as unknown as {
      scenarios: { name: string; params?: { utilEquity?: number } }[];
      agentScale: number;
      replications: number;
    };
    expect(data.scenarios.map((s) => s.name)).toEqual(['baseline', 'dispersion-long-term']);
    expect(data.scenarios.every((s) => s.params?.utilEquity === 1)).toBe(true);
    expect([data.agentScale, data.replications]).toEqual([100, 4]);
  });

  const refusals: [string, string[], RegExp][] = [
    ['no --out', ['explore'], /--out FILE is required/],
    ['an unknown scenario', ['explore', 'atlantis'], /"atlantis" is neither a named scenario nor a file/],
    [
      'a lever out of range',
      ['explore', 'dispersion', '--set', 'dispersion.termYears=99'],
      /policies\[0\]\.termYears: got 99; allowed: an integer from 0 to 50/,
    ],
    ['a scenario named twice', ['explore', 'baseline', 'baseline'], /scenario "baseline" is named twice/],
    [
      'an agent scale of zero',
      ['explore', '--agent-scale', '0'],
      /--agent-scale: got "0"; allowed: an integer from 1/,
    ],
  ];
  it.each(refusals)(
    '%s: exit 2, the field, value and what is allowed, nothing written',
    async (_what, args, message) => {
      const out = join(tempDir(), 'explorer.html');
      const r = await settleInProcess([
        ...args,
        ...(args.length > 1 || args[0] !== 'explore' ? ['--out', out] : []),
      ]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    },
  );
});

type JsonNode = {
  properties?: Record<string, JsonNode>;
  items?: JsonNode;
  oneOf?: JsonNode[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
  type?: string;
  const?: unknown;
};

/** Every lever of a policy type in the scenario JSON Schema, by dotted path, with its bounds. */
function schemaLevers(type: string): Map<string, JsonNode> {
  const schema = scenarioJsonSchema() as JsonNode;
  const variant = schema.properties!.policies!.items!.oneOf!.find((v) => v.properties!.type!.const === type)!;
  const out = new Map<string, JsonNode>();
  const walk = (node: JsonNode, prefix: string) => {
    for (const [key, prop] of Object.entries(node.properties ?? {})) {
      if (key === 'type' || key === 'name' || key === '$schema') continue;
      if (prop.type === 'object' && prop.properties) walk(prop, `${prefix}${key}.`);
      else out.set(`${prefix}${key}`, prop);
    }
  };
  walk(variant, '');
  return out;
}

function flatFields(fields: Field[]): Field[] {
  return fields.flatMap((f) => (f.kind === 'group' ? flatFields(f.fields) : [f]));
}

describe('controls from the scenario schema', () => {
  it('offers every policy of the registry', () => {
    expect(policyTypes()).toEqual([...POLICY_TYPES]);
  });

  it.each(POLICY_TYPES.map((t) => [t]))(
    '%s: a control for every lever, with the schema bounds and the validated default',
    (type) => {
      const levers = schemaLevers(type);
      const fields = flatFields(policyFields(type));
      expect(fields.map((f) => f.path.join('.')).sort()).toEqual([...levers.keys()].sort());
      const filled = validateScenario({ name: 'x', policies: [{ type }] });
      expect(filled.ok).toBe(true);
      for (const field of fields) {
        const node = levers.get(field.path.join('.'))!;
        if (field.kind === 'number') expect([field.min, field.max]).toEqual([node.minimum, node.maximum]);
        let value: unknown = filled.ok ? filled.scenario.policies![0] : undefined;
        for (const key of field.path) value = (value as Record<string, unknown>)[key];
        expect(field.defaultValue, field.path.join('.')).toEqual(value);
      }
    },
  );

  it('puts every single-number behavioural parameter under assumptions, with its documented range inside the accepted bounds', () => {
    const fields = assumptionFields();
    const scalar = Object.keys(PARAMETER_INFO).filter((k) => fields.some((f) => f.key === k));
    expect(fields.length).toBeGreaterThan(30);
    expect(fields.map((f) => f.key)).toEqual(scalar);
    for (const f of fields) {
      expect(f.range).toEqual((PARAMETER_INFO as Record<string, { range: number[] }>)[f.key].range);
      expect(f.range[0]).toBeGreaterThanOrEqual(f.min!);
      expect(f.range[1]).toBeLessThanOrEqual(f.max!);
      expect(f.description.length).toBeGreaterThan(0);
    }
  });
});

describe('the edited scenario as settings and a URL hash', () => {
  const base = (() => {
    const r = validateScenario({ ...LIBRARY.dispersion, agentScale: 50 });
    if (!r.ok) throw new Error('dispersion does not validate');
    return r.scenario;
  })();

  it('any levers within range: settings from the base give the edited scenario back, and the hash gives the settings back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom('smaller', 'small', ['Timmins', 'Sault Ste. Marie'], ['Ottawa (Ontario part)']),
        fc.option(fc.double({ min: 0, max: 4, noNaN: true }), { nil: undefined }),
        (termYears, reach, clawback, eligible, utilEquity) => {
          let edited = setPath(base, ['policies', '0', 'termYears'], termYears);
          edited = setPath(edited, ['policies', '0', 'reach'], reach);
          edited = setPath(edited, ['policies', '0', 'clawback'], clawback);
          edited = setPath(edited, ['policies', '0', 'eligible'], eligible);
          if (utilEquity !== undefined) edited = setPath(edited, ['params', 'utilEquity'], utilEquity);
          const settings = settingsBetween(base, edited);
          const applied = applySettings(base, settings);
          expect(applied.ok).toBe(true);
          if (!applied.ok) return;
          expect(applied.scenario.policies).toEqual(edited.policies);
          expect(applied.scenario.params).toEqual(edited.params);
          expect(parseHash(hashOf(base.name, settings))).toEqual({ base: base.name, settings });
          // Nothing changed, nothing to say: the base's own name.
          expect(settingsBetween(base, applied.scenario)).toEqual(settings);
          expect(applied.scenario.name).toBe(settings.length ? 'dispersion-edited' : 'dispersion');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a setting out of range is refused with the validation message, naming field, value and what is allowed', () => {
    const applied = applySettings(base, ['dispersion.termYears=99']);
    expect(applied.ok).toBe(false);
    if (!applied.ok)
      expect(applied.message).toBe('policies[0].termYears: got 99; allowed: an integer from 0 to 50');
  });
});
