import { PARAMETER_INFO, PARAMETER_NAMES, type ParameterName } from '@smart-settlement/core';
import * as z from 'zod';
import { policySchema } from '../policies/registry.js';
import { KNOWN_PLACES, placeName } from '../policies/select.js';
import { bool, fileName, jsonSchemaOf, list, num, oneOf, share, str, strict } from './fields.js';

/** The schema of one behavioural parameter: its bounds and description from the parameter table. */
function parameterSchema(name: ParameterName) {
  const info = PARAMETER_INFO[name];
  const [min, max] = info.bounds;
  const value = num({ min, max, description: Array.isArray(info.default) ? undefined : info.description });
  return Array.isArray(info.default)
    ? list(value, { minItems: 3, maxItems: 3, description: info.description })
    : value;
}

/** The `params` of a scenario: any behavioural parameter, each optional, within the bounds of the parameter table. */
export const paramsSchema = strict(
  Object.fromEntries(PARAMETER_NAMES.map((name) => [name, parameterSchema(name).optional()])) as {
    [K in ParameterName]: z.ZodOptional<ReturnType<typeof parameterSchema>>;
  },
  'behavioural parameters; omitted ones take the defaults of docs/MODEL.md',
);

/** One immigrant class of the intake (see `ClassSpec` in core and docs/MODEL.md, section 6). */
export const classSchema = strict(
  {
    name: str({
      minLength: 1,
      description: 'as it appears in outputs, e.g. "refugee" gives the area "Refugee class"',
    }),
    share: share('share of the intake'),
    occupationShares: list(share(), {
      minItems: 3,
      maxItems: 3,
      description: 'regulated, trade, other; sum to 1',
    }),
    familyShare: share('share arriving with family'),
    ageMean: num({ min: 18, max: 64, description: 'mean age at arrival' }),
    languageMean: share('mean official-language level at arrival'),
    credentialAtArrival: list(share(), { minItems: 3, maxItems: 3, description: 'by occupation group' }),
    firstPlace: strict(
      {
        choice: share('own choice (the destination logit)'),
        sponsor: share('where a sponsor lives (drawn by the co-ethnic stock)'),
        destined: share('destined by the state to the receiving places'),
      },
      'how the first place is found: shares that sum to 1',
    ),
    jobOffer: share('share landing with a job offer (a matched job in the first place)'),
  },
  'an immigrant class',
);

/** The `intake` of a scenario: who arrives each year; omitted fields take {@link DEFAULT_INTAKE}. */
export const intakeSchema = strict(
  {
    perYear: num({
      min: 0,
      max: 10_000_000,
      description: 'people arriving in the region each year',
    }).optional(),
    occupationShares: list(share(), {
      minItems: 3,
      maxItems: 3,
      description: 'regulated, trade, other; sum to 1',
    }).optional(),
    originShares: list(share(), { minItems: 1, maxItems: 50, description: 'sum to 1' }).optional(),
    originNames: list(str({ minLength: 1 }), { minItems: 1, maxItems: 50 }).optional(),
    familyShare: share().optional(),
    ageMean: num({ min: 18, max: 64 }).optional(),
    ageSd: num({ min: 0, max: 30 }).optional(),
    languageMean: share().optional(),
    languageSpread: share().optional(),
    credentialAtArrival: list(share(), { minItems: 3, maxItems: 3 }).optional(),
    classes: list(classSchema, {
      minItems: 1,
      maxItems: 20,
      description:
        'immigrant classes with their shares (sum to 1) and attributes; default: the four Ontario classes',
    }).optional(),
    classShares: z
      .record(str({ minLength: 1 }), share(), { error: () => 'an object of class names and shares (0-1)' })
      .describe(
        "the class mix: shares by class name (economic, nominee, family, refugee) replacing those of the classes; the classes' shares must then sum to 1",
      )
      .optional(),
    destinedPlaces: z
      .record(placeName, num({ min: 0, max: 1_000_000 }), {
        error: (issue) =>
          issue.code === 'invalid_key' ? KNOWN_PLACES : 'an object of place names and weights',
      })
      .describe(
        'places that receive the newcomers the state destines (government-assisted refugees), with their weights',
      )
      .optional(),
  },
  'the intake; omitted fields take the defaults',
);

/** Attributes of a place that a scenario may set (see docs/MODEL.md, "Input data"). */
export const placeOverrideSchema = strict({
  population: num({ min: 0, max: 1e9 }).optional(),
  foreignBornShare: share().optional(),
  vacancyRate: num({ min: 0, max: 0.5 }).optional(),
  wageIndex: num({ min: 0.01, max: 100 }).optional(),
  costOfLiving: num({ min: 0.01, max: 100 }).optional(),
  amenity: num({ min: -20, max: 20 }).optional(),
  learningAccess: share().optional(),
  leadership: share().optional(),
  inclusion: share().optional(),
  hostOpenness: share().optional(),
  initiatives: num({ min: 0, max: 10_000 }).optional(),
  institutions: num({ min: 0, max: 10_000 }).optional(),
  champion: share().optional(),
  diversityCommitment: share().optional(),
  recognisedNeed: share().optional(),
  smaller: bool('counts among the smaller places that policies target').optional(),
});

/** Overrides of place attributes, by place name. */
const placesSchema = z
  .record(placeName, placeOverrideSchema, {
    error: (issue) => (issue.code === 'invalid_key' ? KNOWN_PLACES : 'an object whose values are an object'),
  })
  .describe('attributes to override, by place name');

/**
 * A scenario: the setting (Ontario's places, the intake, the behaviour) and the policies
 * in force, with the run's defaults (years, replications, seed). Every field but the
 * name is optional.
 */
export const scenarioSchema = strict(
  {
    $schema: z.string().optional(),
    name: fileName(),
    description: str().optional(),
    region: oneOf(['Ontario'], 'the place set; Ontario is the one shipped').default('Ontario'),
    years: num({ integer: true, min: 1, max: 200, description: 'years simulated' }).default(20),
    startYear: num({ integer: true, min: 1900, max: 2200 }).default(2026),
    seed: num({ integer: true, min: 0, max: 4_294_967_295 }).default(1),
    replications: num({ integer: true, min: 1, max: 100_000 }).default(10),
    agentScale: num({ min: 1, max: 100_000, description: 'people each agent stands for' }).default(20),
    intake: intakeSchema.default(() => ({})),
    params: paramsSchema.default(() => ({})),
    places: placesSchema.default(() => ({})),
    policies: list(policySchema, { description: 'policies in force; none is the baseline' }).default(
      () => [],
    ),
  },
  'A Smart Settlement scenario',
);
/**
 * A scenario as written in a scenario file or in code: every field but the name optional.
 * @example
 * const scenario: Scenario = { name: 'long-term', policies: [{ type: 'dispersion', termYears: 6 }] };
 * const { config } = resolveScenario(scenario);
 */
export type Scenario = z.input<typeof scenarioSchema>;
/** A validated scenario: every default filled in (what {@link validateScenario} returns). */
export type CheckedScenario = z.output<typeof scenarioSchema>;

/** The JSON Schema of scenario files, for editors and other tools (generated from {@link scenarioSchema}). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(
    scenarioSchema,
    'https://smart-settlement.example/scenario.schema.json',
    'Smart Settlement scenario',
  );
}
