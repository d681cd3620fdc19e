/**
 * The person table: one typed-array column per attribute, one row per agent present in
 * the region. Rows are appended as cohorts arrive and swap-removed when people leave
 * the region, so the yearly loop touches only people who are still here.
 * Bytes per agent: 43 (see BYTES_PER_PERSON); capacity grows by half when full.
 */
export class PersonTable {
  /** Agents present. Rows 0..count-1 are live. */
  count = 0;
  capacity: number;

  /** Stable id, unique within a run: addresses the person's random draws. */
  id!: Int32Array;
  /** Year index of arrival (0 = first simulated year). */
  arrival!: Int16Array;
  ageAtArrival!: Uint8Array;
  /** 0 alone, 1 with family. */
  family!: Uint8Array;
  /** Occupation group index (see OCCUPATIONS). */
  occupation!: Uint8Array;
  /** Origin group index. */
  origin!: Uint8Array;
  /** Official-language level, 0-1. */
  language!: Float32Array;
  /** Credential recognition, 0-1. */
  credential!: Float32Array;
  /** Employment state (see EMPLOYMENT). */
  employment!: Uint8Array;
  /** Local bridging ties, 0-1. */
  ties!: Float32Array;
  /** Community equity: stake and belonging, 0-1. */
  equity!: Float32Array;
  /** 1 if engaged in community building this year. */
  engaged!: Uint8Array;
  /** Years of an incentive contract still to serve (0 = none). */
  contractYearsLeft!: Uint8Array;
  /** Dollars repaid if leaving before the contract ends. */
  clawback!: Float32Array;
  /** Place of first settlement, and current place. */
  firstPlace!: Uint16Array;
  place!: Uint16Array;
  /** Lasting personal taste for the current place (utility): what made a person choose it. */
  taste!: Float32Array;
  /** Immigrant class: index into the intake's classes (see intakeClasses). */
  immigrantClass!: Uint8Array;
  /**
   * Bit flags: SERVED (welcome services), DISPERSED (accepted an incentive offer), SPONSORED
   * (first place where a sponsor lives), ASSIGNED (placed by allocation), MOVER (the lasting
   * higher propensity to move of the mover-stayer mixture), BENEFIT (the contract is a yearly
   * benefit kept while staying, held in `clawback` as dollars a year, not a clawback).
   */
  flags!: Uint8Array;

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(16, initialCapacity);
    this.allocate(this.capacity);
  }

  private allocate(capacity: number): void {
    const copy = <T extends { length: number; set(a: ArrayLike<number>): void }>(
      make: new (n: number) => T,
      old: T | undefined,
    ): T => {
      const next = new make(capacity);
      if (old) next.set(old as unknown as ArrayLike<number>);
      return next;
    };
    this.id = copy(Int32Array, this.id);
    this.arrival = copy(Int16Array, this.arrival);
    this.ageAtArrival = copy(Uint8Array, this.ageAtArrival);
    this.family = copy(Uint8Array, this.family);
    this.occupation = copy(Uint8Array, this.occupation);
    this.origin = copy(Uint8Array, this.origin);
    this.language = copy(Float32Array, this.language);
    this.credential = copy(Float32Array, this.credential);
    this.employment = copy(Uint8Array, this.employment);
    this.ties = copy(Float32Array, this.ties);
    this.equity = copy(Float32Array, this.equity);
    this.engaged = copy(Uint8Array, this.engaged);
    this.contractYearsLeft = copy(Uint8Array, this.contractYearsLeft);
    this.clawback = copy(Float32Array, this.clawback);
    this.firstPlace = copy(Uint16Array, this.firstPlace);
    this.place = copy(Uint16Array, this.place);
    this.flags = copy(Uint8Array, this.flags);
    this.immigrantClass = copy(Uint8Array, this.immigrantClass);
    this.taste = copy(Float32Array, this.taste);
    this.capacity = capacity;
  }

  /** Makes room for n more rows (called once per cohort, never per person). */
  reserve(n: number): void {
    const needed = this.count + n;
    if (needed <= this.capacity) return;
    this.allocate(Math.max(needed, Math.ceil(this.capacity * 1.5)));
  }

  /** Appends a row with zeroed state and returns its index; call reserve() first. */
  append(): number {
    const i = this.count++;
    this.language[i] = 0;
    this.credential[i] = 0;
    this.employment[i] = 0;
    this.ties[i] = 0;
    this.equity[i] = 0;
    this.engaged[i] = 0;
    this.contractYearsLeft[i] = 0;
    this.clawback[i] = 0;
    this.flags[i] = 0;
    this.immigrantClass[i] = 0;
    this.taste[i] = 0;
    return i;
  }

  /** Removes row i by moving the last row into it. The caller must revisit index i. */
  swapRemove(i: number): void {
    const last = --this.count;
    if (i === last) return;
    this.id[i] = this.id[last];
    this.arrival[i] = this.arrival[last];
    this.ageAtArrival[i] = this.ageAtArrival[last];
    this.family[i] = this.family[last];
    this.occupation[i] = this.occupation[last];
    this.origin[i] = this.origin[last];
    this.language[i] = this.language[last];
    this.credential[i] = this.credential[last];
    this.employment[i] = this.employment[last];
    this.ties[i] = this.ties[last];
    this.equity[i] = this.equity[last];
    this.engaged[i] = this.engaged[last];
    this.contractYearsLeft[i] = this.contractYearsLeft[last];
    this.clawback[i] = this.clawback[last];
    this.firstPlace[i] = this.firstPlace[last];
    this.place[i] = this.place[last];
    this.flags[i] = this.flags[last];
    this.immigrantClass[i] = this.immigrantClass[last];
    this.taste[i] = this.taste[last];
  }

  /** Bytes held by the columns. */
  bytes(): number {
    return this.capacity * BYTES_PER_PERSON;
  }
}

/** Storage per agent row across all columns. */
export const BYTES_PER_PERSON = 4 + 2 + 1 + 1 + 1 + 1 + 4 + 4 + 1 + 4 + 4 + 1 + 1 + 4 + 2 + 2 + 1 + 1 + 4;

/** Flag bit: the person was served by welcome services. */
export const SERVED = 1;
/** Flag bit: the person settled on an incentive offer (an incentive taker). */
export const DISPERSED = 2;
/** Flag bit: the person's first place is where their sponsor lives (family class, privately sponsored refugees). */
export const SPONSORED = 4;
/** Flag bit: the person was placed by allocation (policy "assignment"). */
export const ASSIGNED = 8;
/** Flag bit: the person is a "mover" of the mover-stayer mixture (submodel "propensity"). */
export const MOVER = 16;
/** Flag bit: the person's contract is a yearly benefit kept while staying (held in `clawback`, dollars a year). */
export const BENEFIT = 32;
