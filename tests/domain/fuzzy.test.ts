import { describe, expect, test } from '@jest/globals';
import { editDistance, fuzzyWordMatch, withinOneEdit } from '../../src/domain/fuzzy.js';

describe('editDistance (restricted Damerau–Levenshtein)', () => {
  test.each([
    ['psykiatrin', 'psykiatrin', 0],
    ['psykiatrn', 'psykiatrin', 1],
    ['arbetsformedlignen', 'arbetsformedlingen', 1],
    ['styrlesen', 'styrelsen', 1],
    ['kassan', 'kasan', 1],
    ['abc', 'cab', 2],
  ])('%s ↔ %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  test('stops early above the limit', () => {
    expect(editDistance('vuxentorget', 'ungdomstorget', 1)).toBe(2);
  });
});

describe('fuzzyWordMatch: one typo in words of five letters or more', () => {
  test('tolerates one edit in longer words', () => {
    expect(fuzzyWordMatch('forsakringskasan', 'forsakringskassan')).toBe(true);
    expect(fuzzyWordMatch('vuxentorgte', 'vuxentorget')).toBe(true);
  });
  test('short words must be exact (fk/af, vt/ut differ by one letter)', () => {
    expect(fuzzyWordMatch('fk', 'af')).toBe(false);
    expect(fuzzyWordMatch('vt', 'ut')).toBe(false);
    expect(fuzzyWordMatch('psyk', 'pysk')).toBe(false);
  });
  test('two edits are too many', () => {
    expect(fuzzyWordMatch('psykatrn', 'psykiatrin')).toBe(false);
  });
});

describe('withinOneEdit: the same verdict as editDistance(a, b, 1) <= 1', () => {
  test.each([
    ['psykiatrin', 'psykiatrin', true],
    ['psykiatrn', 'psykiatrin', true],
    ['styrlesen', 'styrelsen', true],
    ['kassan', 'kasan', true],
    ['ab', 'ba', true],
    ['abc', 'cab', false],
    ['vuxentorget', 'ungdomstorget', false],
    ['', 'a', true],
    ['ab', 'abcd', false],
  ])('%s ↔ %s: %s', (a, b, within) => {
    expect(withinOneEdit(a, b)).toBe(within);
  });

  test('agrees with the table on every pair of short words over a small alphabet', () => {
    const words = [''];
    for (let length = 1; length <= 4; length += 1) {
      for (const w of words.filter((x) => x.length === length - 1)) for (const c of 'abc') words.push(w + c);
    }
    let disagreements = 0;
    for (const a of words) for (const b of words) if (withinOneEdit(a, b) !== (editDistance(a, b, 1) <= 1)) disagreements += 1;
    expect(disagreements).toBe(0);
  });
});
