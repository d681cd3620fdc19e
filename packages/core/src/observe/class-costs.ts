import type { World } from '../world.js';
import type { Observer } from './observer.js';

/**
 * Programme money by year, place and immigrant class, in dollars: what a class can be charged
 * with (paid to or for its people: incentives, benefits, welcome services per person served;
 * and the clawbacks its people repaid), and what programmes spent on places, which no class
 * can be charged with (community engagement). The cost measures of a class come from here.
 */
export interface ClassCosts {
  /** Names of the classes, in the order of the class index. */
  classes: readonly string[];
  /** Names of the places, in the order of the place index. */
  places: readonly string[];
  /** Years observed. */
  years: number;
  /** Gross spending on people by [(year * places + place) * classes + class]. */
  spending: number[];
  /** Clawbacks repaid by [(year * places + place) * classes + class]. */
  clawbacks: number[];
  /** Spending on places (not on particular people) by [year * places + place]. */
  placeSpending: number[];
}

/**
 * Records each year's programme money by place and class from the year's tallies (a pass
 * over places and classes, never over people).
 */
export class ClassCostObserver implements Observer {
  private spending = new Float64Array(0);
  private clawbacks = new Float64Array(0);
  private placeSpending = new Float64Array(0);
  private classes: readonly string[] = [];
  private places: readonly string[] = [];
  private observed = 0;

  constructor(private readonly years: number) {}

  /** Copies the year's spending and clawbacks by place and class, and the spending on places. */
  observe(world: World): void {
    const n = world.places.n;
    const C = world.classNames.length;
    const Y = Math.max(1, this.years);
    if (this.observed === 0) {
      this.classes = world.classNames;
      this.places = world.places.names;
      this.spending = new Float64Array(Y * n * C);
      this.clawbacks = new Float64Array(Y * n * C);
      this.placeSpending = new Float64Array(Y * n);
    }
    const t = world.year;
    this.spending.set(world.tallies.spendingByClass, t * n * C);
    this.clawbacks.set(world.tallies.clawbacksByClass, t * n * C);
    this.placeSpending.set(world.effects.cost, t * n);
    this.observed = t + 1;
  }

  /** The money recorded so far, as plain data (it crosses threads and networks with a run's output); undefined before the first year. */
  result(): ClassCosts | undefined {
    if (this.observed === 0) return undefined;
    const n = this.places.length;
    const C = this.classes.length;
    const years = this.observed;
    return {
      classes: [...this.classes],
      places: [...this.places],
      years,
      spending: Array.from(this.spending.subarray(0, years * n * C)),
      clawbacks: Array.from(this.clawbacks.subarray(0, years * n * C)),
      placeSpending: Array.from(this.placeSpending.subarray(0, years * n)),
    };
  }
}
