import type { Policy } from '@smart-settlement/core';
import type * as z from 'zod';

/** The schema of a policy's levers: a strict object whose `type` is the policy's name. */
export type LeverSchema = z.ZodObject<{ type: z.ZodLiteral<string> } & z.ZodRawShape, z.core.$strict>;

/**
 * Everything the project knows of one kind of policy, in one place: the schema of its levers
 * (which gives the scenario schema, its JSON Schema and the place-name checks) and how to build
 * the engine's policy from them. A policy kind is one file exporting one of these, plus one
 * line in `registry.ts`.
 */
export interface PolicyDefinition<S extends LeverSchema = LeverSchema> {
  /** What the policy does, in one line. */
  readonly description: string;
  /** The levers, each with its bounds, default and description. */
  readonly schema: S;
  /** The engine's policy for validated levers (defaults filled); undefined when it does nothing. */
  build(levers: z.output<S>): Policy | undefined;
}

/** Declares a policy kind (a typed identity: the levers' type follows from the schema). */
export function definePolicy<S extends LeverSchema>(definition: PolicyDefinition<S>): PolicyDefinition<S> {
  return definition;
}
