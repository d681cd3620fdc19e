import { createWorld } from './create-world.js';
import type { ModelConfig } from './model-config.js';
import type { AreaInfo } from './observe/areas.js';
import { ClassCostObserver, type ClassCosts } from './observe/class-costs.js';
import type { CohortRow } from './observe/cohorts.js';
import type { FlowRow } from './observe/flows.js';
import type { Observer, RunKey } from './observe/observer.js';
import { PlaceObserver, type PlaceRow } from './observe/places.js';
import { RetentionObserver, type RetentionRow } from './observe/retention.js';
import { step } from './schedule.js';
import { openInitialVacancies } from './submodels/places-respond.js';
import type { World } from './world.js';

/** Options of one run: the seed and replication fix every random draw. */
export interface RunOptions {
  seed: number;
  /** Replication index: runs with the same seed and replication share their random streams across scenarios. */
  replication?: number;
  /** Extra observers, called at the end of every year after the built-in ones. */
  observers?: Observer[];
  /** Hands each place row on as it is made instead of keeping it (bounded memory). */
  placeSink?: (row: PlaceRow) => void;
}

/** The tables of one run. */
export interface RunResult {
  key: RunKey;
  /** People each agent stood for. */
  agentScale: number;
  years: number;
  retention: RetentionRow[];
  /** Where the newcomers of each first place are at the horizons (flows.csv). */
  flows: FlowRow[];
  /** Retention by arrival cohort, for the region and the groups (cohorts.csv). */
  cohorts: CohortRow[];
  /** The areas of the retention rows and what each pools (the places of a group). */
  areas: AreaInfo[];
  /** Empty when a placeSink took the rows. */
  places: PlaceRow[];
  /** Agents present at the end. */
  finalAgents: number;
  /** Newcomers an incentive offer reached, and those who accepted, over the run (people, agents x scale). */
  offers: { reached: number; accepted: number };
  /**
   * Programme money by year, place and immigrant class (the cost measures of the classes come
   * from it); absent in results built by hand, which then have no cost measures by class.
   */
  classCosts?: ClassCosts;
}

/**
 * A model you can step, as in Mesa or Agents.jl: `new Model(config, { seed: 1 })`, then
 * `model.step()` year by year or `model.run()` to the end, then `model.result()`.
 * @example
 * const model = new Model(config, { seed: 42 });
 * model.run();
 * const { retention, places } = model.result();
 */
export class Model {
  readonly world: World;
  readonly key: RunKey;
  private readonly retention: RetentionObserver;
  private readonly placeObserver: PlaceObserver;
  private readonly classCosts: ClassCostObserver;
  private readonly observers: Observer[];

  constructor(
    readonly config: ModelConfig,
    options: RunOptions,
  ) {
    const replication = options.replication ?? 0;
    this.key = { scenario: config.name, replication, seed: options.seed };
    this.world = createWorld(config, options.seed, replication);
    openInitialVacancies(this.world);
    this.retention = new RetentionObserver(this.key, config.years);
    this.placeObserver = new PlaceObserver(this.key, options.placeSink);
    this.classCosts = new ClassCostObserver(config.years);
    this.observers = [this.retention, this.placeObserver, this.classCosts, ...(options.observers ?? [])];
  }

  /** Years simulated so far. */
  get year(): number {
    return this.world.year;
  }

  /** Runs n years (default 1), never past config.years. */
  step(n = 1): void {
    for (let k = 0; k < n && this.world.year < this.config.years; k++) step(this.world, this.observers);
  }

  /** Runs to the end of config.years. */
  run(): this {
    this.step(this.config.years - this.world.year);
    return this;
  }

  /** The tables so far. */
  result(): RunResult {
    return {
      key: this.key,
      agentScale: this.config.agentScale,
      years: this.world.year,
      retention: this.retention.rows(this.config.agentScale),
      flows: this.retention.flowRows(this.config.agentScale),
      cohorts: this.retention.cohortRows(this.config.agentScale),
      areas: this.retention.areas(),
      places: this.placeObserver.rows(),
      finalAgents: this.world.people.count,
      offers: {
        reached: this.world.offersMade * this.config.agentScale,
        accepted: this.world.offersAccepted * this.config.agentScale,
      },
      classCosts: this.classCosts.result(),
    };
  }
}

/** Runs one scenario to the end and returns its tables. */
export function simulate(config: ModelConfig, options: RunOptions): RunResult {
  return new Model(config, options).run().result();
}
