import { BYTES_PER_PERSON, PersonTable } from '@smart-settlement/core/internals';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const COLUMNS = [
  'id',
  'arrival',
  'ageAtArrival',
  'family',
  'occupation',
  'origin',
  'language',
  'credential',
  'employment',
  'ties',
  'equity',
  'engaged',
  'contractYearsLeft',
  'clawback',
  'firstPlace',
  'place',
  'flags',
  'taste',
] as const;
type Column = (typeof COLUMNS)[number];

/** Writes a distinct, exactly representable value into every column of row i, derived from the person's id. */
function fill(table: PersonTable, i: number, id: number): void {
  table.id[i] = id;
  for (const [k, c] of COLUMNS.entries()) {
    if (c === 'id') continue;
    (table[c] as { [i: number]: number })[i] = (id * 7 + k) % 200; // fits Uint8 and is exact in Float32
  }
}

function row(table: PersonTable, i: number): Record<Column, number> {
  return Object.fromEntries(COLUMNS.map((c) => [c, (table[c] as ArrayLike<number>)[i]])) as Record<
    Column,
    number
  >;
}

describe('PersonTable (typed-array columns)', () => {
  it('grows by reserve() beyond its capacity and keeps every earlier row in every column', () => {
    const table = new PersonTable(16);
    for (let id = 0; id < 16; id++) {
      table.reserve(1);
      fill(table, table.append(), id);
    }
    const before = Array.from({ length: 16 }, (_, i) => row(table, i));
    table.reserve(100);
    expect(table.capacity).toBeGreaterThanOrEqual(116);
    for (const c of COLUMNS) expect((table[c] as ArrayLike<number>).length).toBe(table.capacity);
    for (let i = 0; i < 16; i++) expect(row(table, i)).toEqual(before[i]);
    expect(table.bytes()).toBe(table.capacity * BYTES_PER_PERSON);
  });

  it('append() returns the next row with the changing state zeroed, even where a removed person left values', () => {
    const table = new PersonTable(16);
    table.reserve(2);
    fill(table, table.append(), 5);
    fill(table, table.append(), 6);
    table.swapRemove(1); // row 1 still holds person 6's old values in memory
    const i = table.append();
    expect(i).toBe(1);
    for (const c of [
      'language',
      'credential',
      'employment',
      'ties',
      'equity',
      'engaged',
      'contractYearsLeft',
      'clawback',
      'flags',
      'taste',
    ] as const)
      expect(table[c][i]).toBe(0);
  });

  it('swapRemove() moves the last row into the hole in every column, so any sequence of appends and removals keeps each person whole (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(-1), fc.nat(1000)), { minLength: 1, maxLength: 300 }),
        (ops) => {
          const table = new PersonTable(16);
          const model: number[] = []; // ids in row order
          let nextId = 0;
          for (const op of ops) {
            if (op === -1 || model.length === 0) {
              table.reserve(1);
              const i = table.append();
              fill(table, i, nextId);
              model.push(nextId++);
            } else {
              const i = op % model.length;
              table.swapRemove(i);
              const last = model.pop()!;
              if (i < model.length) model[i] = last;
            }
          }
          expect(table.count).toBe(model.length);
          const check = new PersonTable(16);
          check.reserve(1);
          const j = check.append();
          for (let i = 0; i < model.length; i++) {
            fill(check, j, model[i]);
            expect(row(table, i)).toEqual(row(check, j));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('swapRemove() of the last row only shrinks the table', () => {
    const table = new PersonTable(16);
    table.reserve(2);
    fill(table, table.append(), 1);
    fill(table, table.append(), 2);
    table.swapRemove(1);
    expect(table.count).toBe(1);
    expect(row(table, 0).id).toBe(1);
  });
});
