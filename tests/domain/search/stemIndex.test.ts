import { describe, expect, test } from '@jest/globals';
import { StemIndex } from '../../../src/domain/search/stemIndex.js';

const stems = new Map(['handlaggare', 'handling', 'hand', 'mote', 'motesplan', 'styrelse', 'styrels', 'kartlaggning'].map((s) => [s, 1]));
const index = new StemIndex(stems);

describe('the stem index answers what a scan of every stem would', () => {
  test('stems that start with a word, in order', () => {
    expect([...index.startingWith('hand')]).toEqual(['hand', 'handlaggare', 'handling']);
    expect([...index.startingWith('motesp')]).toEqual(['motesplan']);
    expect([...index.startingWith('x')]).toEqual([]);
  });

  test('stems a word starts with, of a least length', () => {
    expect([...index.prefixesOf('styrelsemote', 4)]).toEqual(['styrels', 'styrelse']);
    expect([...index.prefixesOf('handen', 5)]).toEqual([]);
  });

  test('stems by length', () => {
    expect([...index.ofLength(4, 0)]).toEqual(['hand', 'mote']);
  });
});
