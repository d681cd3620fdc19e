import { DEFAULT_PARAMS, PARAMETER_INFO } from '@smart-settlement/core';
import { baselineSchema } from '../policies/baseline.js';
import { dispersionSchema } from '../policies/dispersion.js';
import { engagementSchema } from '../policies/engagement.js';
import { hybridSchema } from '../policies/hybrid.js';
import { welcomeSchema } from '../policies/welcome.js';
import {
  arr,
  bool,
  type Infer,
  literal,
  num,
  obj,
  opt,
  record,
  type Schema,
  share,
  str,
  tagged,
} from './types.js';

/** One policy in a scenario: its "type" and its levers (every lever optional, with a documented default). */
export const policySchema = tagged(
  {
    baseline: baselineSchema,
    dispersion: dispersionSchema,
    welcome: welcomeSchema,
    engagement: engagementSchema,
    hybrid: hybridSchema,
  },
  'a policy and its levers',
);
/**
 * One policy of a scenario, as written in a scenario file.
 * @example const spec: PolicySpec = { type: 'dispersion', termYears: 6 };
 */
export type PolicySpec = Infer<typeof policySchema>;
/** The policy types a scenario may name. */
export const POLICY_TYPES = ['baseline', 'dispersion', 'welcome', 'engagement', 'hybrid'] as const;

// Behavioural parameters: bounds wide enough for any experiment, narrow enough to catch typos of sign or scale.
const paramFields: Record<string, Schema<unknown>> = {};
for (const [name, value] of Object.entries(DEFAULT_PARAMS)) {
  const info = PARAMETER_INFO[name as keyof typeof DEFAULT_PARAMS];
  if (Array.isArray(value)) {
    paramFields[name] = opt(
      arr(num({ min: 0, max: 10 }), { minItems: 3, maxItems: 3, description: info.description }),
    );
  } else {
    const [lo, hi] = info.range;
    const nonNegative = lo >= 0;
    const isShare = hi <= 1 && /Rate|Decay|Fade|Gain|Adjust|Kept|Pay|Taste|Persistence/.test(name);
    paramFields[name] = opt(
      num({
        min: nonNegative ? 0 : -100,
        max: isShare ? 1 : Math.max(100, hi * 10),
        description: info.description,
      }),
    );
  }
}
/** The `params` of a scenario: any behavioural parameter, each optional, bounded to catch typos of sign or scale. */
export const paramsSchema = obj(
  paramFields,
  'behavioural parameters; omitted ones take the defaults of docs/MODEL.md',
);

/** The `intake` of a scenario: who arrives each year; omitted fields take {@link DEFAULT_INTAKE}. */
export const intakeSchema = obj(
  {
    perYear: opt(num({ min: 0, max: 10_000_000, description: 'people arriving in the region each year' })),
    occupationShares: opt(
      arr(share(), { minItems: 3, maxItems: 3, description: 'regulated, trade, other; sum to 1' }),
    ),
    originShares: opt(arr(share(), { minItems: 1, maxItems: 50, description: 'sum to 1' })),
    originNames: opt(arr(str({ minLength: 1 }), { minItems: 1, maxItems: 50 })),
    familyShare: opt(share()),
    ageMean: opt(num({ min: 18, max: 64 })),
    ageSd: opt(num({ min: 0, max: 30 })),
    languageMean: opt(share()),
    languageSpread: opt(share()),
    credentialAtArrival: opt(arr(share(), { minItems: 3, maxItems: 3 })),
  },
  'the intake; omitted fields take the defaults',
);

/** Attributes of a place that a scenario may set (see docs/MODEL.md, "Input data"). */
export const placeOverrideSchema = obj({
  population: opt(num({ min: 0, max: 1e9 })),
  foreignBornShare: opt(share()),
  vacancyRate: opt(num({ min: 0, max: 0.5 })),
  wageIndex: opt(num({ min: 0.01, max: 100 })),
  costOfLiving: opt(num({ min: 0.01, max: 100 })),
  amenity: opt(num({ min: -20, max: 20 })),
  learningAccess: opt(share()),
  leadership: opt(share()),
  inclusion: opt(share()),
  hostOpenness: opt(share()),
  initiatives: opt(num({ min: 0, max: 10_000 })),
  institutions: opt(num({ min: 0, max: 10_000 })),
  champion: opt(share()),
  diversityCommitment: opt(share()),
  recognisedNeed: opt(share()),
  smaller: opt(bool('counts among the smaller places that policies target')),
});

/**
 * A scenario: the setting (Ontario's places, the intake, the behaviour) and the policies
 * in force, with the run's defaults (years, replications, seed). Every field but the
 * name is optional.
 */
export const scenarioSchema = obj(
  {
    name: str({
      pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
      description: 'letters, digits, dot, dash, underscore',
    }),
    description: opt(str()),
    region: opt(literal(['Ontario'] as const, 'the place set; Ontario is the one shipped'), 'Ontario'),
    years: opt(num({ integer: true, min: 1, max: 200, description: 'years simulated' }), 20),
    startYear: opt(num({ integer: true, min: 1900, max: 2200 }), 2026),
    seed: opt(num({ integer: true, min: 0, max: 4_294_967_295 }), 1),
    replications: opt(num({ integer: true, min: 1, max: 100_000 }), 10),
    agentScale: opt(num({ min: 1, max: 100_000, description: 'people each agent stands for' }), 20),
    intake: opt(intakeSchema, {}),
    params: opt(paramsSchema, {}),
    places: opt(record(placeOverrideSchema, 'attributes to override, by place name'), {}),
    policies: opt(arr(policySchema, { description: 'policies in force; none is the baseline' }), []),
  },
  'A Smart Settlement scenario',
);
/**
 * A scenario as written in a scenario file or in code (see {@link scenarioSchema}).
 * @example
 * const scenario: Scenario = { name: 'long-term', policies: [{ type: 'dispersion', termYears: 6 }] };
 * const { config } = resolveScenario(scenario);
 */
export type Scenario = Infer<typeof scenarioSchema>;

/** The JSON Schema of scenario files, for editors and other tools. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://smart-settlement.example/scenario.schema.json',
    title: 'Smart Settlement scenario',
    ...scenarioSchema.json(),
  };
}
