import { describe, expect, test } from '@jest/globals';
import { answers, describeMiss, foldForMatch, missingGroups, parseGoldenFile, summarize } from '../../src/eval/score.js';

describe('golden matcher', () => {
  test('ignores case, å/ä/ö and spaces inside numbers', () => {
    expect(foldForMatch('Försäkringskassan 2 190 tkr')).toBe('forsakringskassan 2190 tkr');
    expect(answers('Ring 090-785 63 10.', [['090-7856310']])).toBe(true);
    expect(answers('Budget 2190 tkr', [['2 190']])).toBe(true);
    expect(answers('FÖRSÄKRINGSKASSAN', [['forsakringskassan']])).toBe(true);
  });

  test('every group needs one alternative', () => {
    const all = [['arbetsterapeut'], ['psykolog', 'kurator']];
    expect(answers('arbetsterapeut och psykolog', all)).toBe(true);
    expect(missingGroups('bara arbetsterapeut', all)).toEqual([['psykolog', 'kurator']]);
  });

  test('keeps words apart: spaces between a number and a word stay', () => {
    expect(answers('10 timmar/vecka', [['10 timmar']])).toBe(true);
    expect(answers('10timmar', [['10 timmar']])).toBe(false);
  });

  test('parses JSONL and reports bad lines with their number', () => {
    const { lines, errors } = parseGoldenFile('{"id":"a","text":"x","all":[["y"]]}\n\nnot json\n{"id":1,"text":"q","all":[]}\n');
    expect(lines).toHaveLength(1);
    expect(errors[0]).toContain('rad 3');
    expect(errors[1]).toContain('rad 4');
  });

  test('summarizes and describes misses in Swedish', () => {
    const score = summarize([
      { id: 'a', text: 'q1', reply: 'ja', missing: [] },
      { id: 'b', text: 'q2', reply: 'nej', missing: [['x', 'y']] },
    ]);
    expect(score.answered).toBe(1);
    expect(score.share).toBe(0.5);
    expect(describeMiss(score.misses[0]!)).toContain('saknas: "x" eller "y"');
  });
});
