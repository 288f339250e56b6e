import { describe, expect, test } from '@jest/globals';
import { memoizeText } from '../../src/domain/textMemo.js';

describe('memoizeText: a pure function of a text computed once per text, in a bounded cache', () => {
  test('a text seen before gets the value computed the first time', () => {
    let calls = 0;
    const words = memoizeText((t: string) => {
      calls += 1;
      return t.split(' ');
    });
    const first = words('vem förankrar');
    expect(words('vem förankrar')).toBe(first);
    expect(words('vem aktualiserar')).toEqual(['vem', 'aktualiserar']);
    expect(calls).toBe(2);
  });

  test('the oldest texts are dropped when the character budget is spent', () => {
    const seen: string[] = [];
    const upper = memoizeText((t: string) => {
      seen.push(t);
      return t.toUpperCase();
    }, 16);
    for (const t of ['aaaa', 'bbbb', 'cccc', 'dddd']) upper(t);
    upper('eeee'); // 20 characters: "aaaa" goes
    upper('bbbb');
    upper('aaaa');
    expect(seen).toEqual(['aaaa', 'bbbb', 'cccc', 'dddd', 'eeee', 'aaaa']);
  });

  test('a text longer than a quarter of the budget is computed but not kept', () => {
    let calls = 0;
    const length = memoizeText((t: string) => {
      calls += 1;
      return t.length;
    }, 8);
    expect(length('abcde')).toBe(5);
    expect(length('abcde')).toBe(5);
    expect(calls).toBe(2);
  });
});
