import type { Policy } from '@smart-settlement/core';
import * as z from 'zod';
import { assignmentPolicy } from './assignment.js';
import { baselinePolicy } from './baseline.js';
import { dispersionPolicy } from './dispersion.js';
import { engagementPolicy } from './engagement.js';
import { hybridPolicy } from './hybrid.js';
import { welcomePolicy } from './welcome.js';

/**
 * Every kind of policy a scenario may name, by its `type`. The scenario schema's union of
 * policies, {@link POLICY_TYPES}, {@link buildPolicy} and the JSON Schema all come from here:
 * adding a policy = one file exporting a `definePolicy(...)` and one line below.
 */
export const POLICIES = {
  baseline: baselinePolicy,
  dispersion: dispersionPolicy,
  welcome: welcomePolicy,
  engagement: engagementPolicy,
  hybrid: hybridPolicy,
  assignment: assignmentPolicy,
} as const;

/** A policy type a scenario may name. */
export type PolicyType = keyof typeof POLICIES;
/** The policy types a scenario may name, in the registry's order. */
export const POLICY_TYPES = Object.keys(POLICIES) as PolicyType[];

type LeverSchemaOf<K extends PolicyType> = (typeof POLICIES)[K]['schema'];
const leverSchemas = POLICY_TYPES.map((type) => POLICIES[type].schema) as [
  LeverSchemaOf<PolicyType>,
  ...LeverSchemaOf<PolicyType>[],
];

/** One policy in a scenario: its "type" and its levers (every lever optional, with a documented default). */
export const policySchema = z.discriminatedUnion('type', leverSchemas).describe('a policy and its levers');

/**
 * One policy of a scenario, as written in a scenario file.
 * @example const spec: PolicySpec = { type: 'dispersion', termYears: 6 };
 */
export type PolicySpec = z.input<typeof policySchema>;
/** One policy of a validated scenario: its levers with every default filled. */
export type PolicyLevers = z.output<typeof policySchema>;

/** Builds the engine's policy for validated levers (undefined for the baseline). */
export function buildPolicy(levers: PolicyLevers): Policy | undefined {
  return (POLICIES[levers.type].build as (l: PolicyLevers) => Policy | undefined)(levers);
}
