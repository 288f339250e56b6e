import { describe, expect, test } from '@jest/globals';
import { editDistance, fuzzyWordMatch } from '../../src/domain/fuzzy.js';

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
