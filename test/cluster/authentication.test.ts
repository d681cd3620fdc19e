import {
  encodeValue,
  fleetSecret,
  jobIdOf,
  openAnnouncement,
  openJob,
  openResult,
  signAnnouncement,
  signJob,
  signResult,
} from '@smart-settlement/cluster';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECRET } from '../helpers/fake-experiment.js';

const OTHER = fleetSecret('another-fleet-secret-0000000000');
const json = fc.jsonValue({ noUnicodeString: false });

describe('authentication codes on what crosses Redis', () => {
  it('a result opens with the secret it was signed with, and with no other, nor for another run or experiment', () => {
    fc.assert(
      fc.property(json, fc.nat(1_000_000), (output, run) => {
        const sealed = signResult(SECRET, 'exp-1', run, output);
        const opened = openResult(SECRET, 'exp-1', run, sealed);
        expect(opened.ok).toBe(true);
        expect(opened.ok && encodeValue(opened.value)).toBe(encodeValue(output));
        expect(openResult(OTHER, 'exp-1', run, sealed).ok).toBe(false);
        expect(openResult(SECRET, 'exp-1', run + 1, sealed).ok).toBe(false);
        expect(openResult(SECRET, 'exp-2', run, sealed).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('changing any one character of a signed result makes it fail', () => {
    const sealed = signResult(SECRET, 'exp-1', 3, { retention: 0.61, places: ['Timmins'] });
    fc.assert(
      fc.property(fc.nat(sealed.length - 1), fc.string({ minLength: 1, maxLength: 1 }), (at, c) => {
        fc.pre(sealed[at] !== c);
        const tampered = sealed.slice(0, at) + c + sealed.slice(at + 1);
        expect(openResult(SECRET, 'exp-1', 3, tampered).ok).toBe(false);
      }),
    );
  });

  it('a result in the plain format, with no code, or not text, is refused and says why', () => {
    const plain = openResult(SECRET, 'exp-1', 0, encodeValue({ retention: 0.999 }));
    expect(plain).toEqual({ ok: false, why: expect.stringContaining('no authentication code') });
    const wrong = openResult(SECRET, 'exp-1', 0, signResult(OTHER, 'exp-1', 0, { retention: 0.999 }));
    expect(wrong).toEqual({ ok: false, why: expect.stringContaining('authentication code is wrong') });
    expect(openResult(SECRET, 'exp-1', 0, 42)).toEqual({
      ok: false,
      why: expect.stringContaining('not text'),
    });
  });

  it('the code is over canonical content: the same content in another key order gives the same code', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json, { maxKeys: 8 }), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(signResult(SECRET, 'e', 1, reversed)).toBe(signResult(SECRET, 'e', 1, object));
      }),
    );
  });

  it('a job opens only under its own run id, experiment and secret', () => {
    const data = signJob(SECRET, 'exp-1', 7, { scenario: { name: 'x' }, seed: 1, replication: 7 });
    expect(openJob(SECRET, 'exp-1', jobIdOf(7), data)).toEqual({
      ok: true,
      value: { run: 7, spec: { replication: 7, scenario: { name: 'x' }, seed: 1 } },
    });
    expect(openJob(OTHER, 'exp-1', jobIdOf(7), data).ok).toBe(false);
    expect(openJob(SECRET, 'exp-2', jobIdOf(7), data).ok).toBe(false);
    expect(openJob(SECRET, 'exp-1', jobIdOf(7), { ...data, run: 8 }).ok).toBe(false);
    expect(openJob(SECRET, 'exp-1', 'run-8', data)).toEqual({
      ok: false,
      why: expect.stringContaining('"run-8"'),
    });
    expect(openJob(SECRET, 'exp-1', jobIdOf(7), { run: 7, spec: { seed: 1 } }).ok).toBe(false);
    expect(openJob(SECRET, 'exp-1', jobIdOf(7), null).ok).toBe(false);
  });

  it('an announcement opens only with its code, for its id, naming its own queue', () => {
    const entry = signAnnouncement(SECRET, { id: 'exp-1', name: 'grid', engine: '0.1.0+abc' });
    const text = JSON.stringify(entry);
    expect(openAnnouncement(SECRET, 'exp-1', text)).toEqual({ ok: true, value: entry });
    expect(openAnnouncement(OTHER, 'exp-1', text).ok).toBe(false);
    expect(openAnnouncement(SECRET, 'exp-2', text).ok).toBe(false);
    expect(openAnnouncement(SECRET, 'exp-1', JSON.stringify({ ...entry, queue: 'emails' })).ok).toBe(false);
    expect(openAnnouncement(SECRET, 'exp-1', JSON.stringify({ ...entry, engine: 'other' })).ok).toBe(false);
    expect(openAnnouncement(SECRET, 'exp-1', 'not json').ok).toBe(false);
    expect(openAnnouncement(SECRET, 'exp-1', 'null').ok).toBe(false);
  });
});
