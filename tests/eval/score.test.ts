import { describe, expect, test } from '@jest/globals';
import {
  answers, containsAlternative, describeMiss, foldForMatch, forbiddenFound, missingGroups, parseGoldenFile, summarize,
} from '../../src/eval/score.js';

describe('golden matcher: what is ignored', () => {
  test('case, å/ä/ö, the kind of dash and runs of whitespace', () => {
    expect(foldForMatch('Försäkringskassan  2 190\u00a0tkr – 25–64')).toBe('forsakringskassan 2 190 tkr - 25-64');
    expect(answers('FÖRSÄKRINGSKASSAN', [['forsakringskassan']])).toBe(true);
    expect(answers('Bor i Vannas', [['Vännäs']])).toBe(true);
    expect(answers('25–64 år', [['25-64']])).toBe(true);
  });

  test('spaces inside numbers, both ways', () => {
    expect(answers('Ring 090-785 63 10.', [['090-7856310']])).toBe(true);
    expect(answers('Ring 090-7856310.', [['090 785 63 10']])).toBe(false);
    expect(answers('Ring 090-7856310.', [['090-785 63 10']])).toBe(true);
    expect(answers('Budget 2190 tkr', [['2 190']])).toBe(true);
    expect(answers('Budget 2 190 tkr', [['2190']])).toBe(true);
    expect(answers('3 048 000 kr', [['3048000']])).toBe(true);
  });
});

describe('golden matcher: whole words', () => {
  test('an alternative must start a word and may be followed by an inflection', () => {
    expect(containsAlternative('Socialtjänstens handläggare', 'socialtjänst')).toBe(true);
    expect(containsAlternative('tertialrapporten', 'tertial')).toBe(true);
    expect(containsAlternative('socialtjänsten', 'tjänst')).toBe(false);
    expect(containsAlternative('Arbetsförmedlingen', 'förmedlingen')).toBe(false);
  });

  test('a number stands whole: not inside a longer number, a decimal or a thousands group', () => {
    expect(containsAlternative('från 2023', '23')).toBe(false);
    expect(containsAlternative('2 023 kr', '23')).toBe(false);
    expect(containsAlternative('en 23-åring', '23')).toBe(true);
    expect(containsAlternative('är 23 år', '23')).toBe(true);
    expect(containsAlternative('budget 2 190 tkr', '190')).toBe(false);
    expect(containsAlternative('budget 2 190 tkr', '2')).toBe(false);
    expect(containsAlternative('andel 1,25 %', '25')).toBe(false);
    expect(containsAlternative('andel 1,25 %', '1')).toBe(false);
    expect(containsAlternative('2023: 35 tkr', '2023')).toBe(true);
    expect(containsAlternative('T2 2023', '2023')).toBe(true);
    expect(containsAlternative('inga siffror inlämnade för T2 2023', 'inga siffror inlämnade för t2')).toBe(true);
    expect(containsAlternative('-595 tkr', '595')).toBe(true);
    expect(containsAlternative('2023-12-31', '-12-31')).toBe(true);
  });

  test('a word of up to three letters stands whole; a longer last word may inflect', () => {
    expect(containsAlternative('Jag vet inte', 'ja')).toBe(false);
    expect(containsAlternative('Ja, det kan hen.', 'ja')).toBe(true);
    expect(containsAlternative('Nejlika', 'nej')).toBe(false);
    expect(containsAlternative('FK:s handläggare', 'fk')).toBe(true);
    expect(containsAlternative('35 tkrs', '35 tkr')).toBe(false);
    expect(containsAlternative('10 timmars arbete', '10 timmar')).toBe(true);
    expect(containsAlternative('10timmar', '10 timmar')).toBe(false);
  });
});

describe('golden lines', () => {
  test('every group needs one alternative', () => {
    const all = [['arbetsterapeut'], ['psykolog', 'kurator']];
    expect(answers('arbetsterapeut och psykolog', all)).toBe(true);
    expect(missingGroups('bara arbetsterapeut', all)).toEqual([['psykolog', 'kurator']]);
  });

  test('`none` lists what a correct answer must not contain, matched the same way', () => {
    expect(forbiddenFound('Åldern är 25–64 år (2020: 18 år)', ['18', '1'])).toEqual(['18']);
    expect(answers('Ålder 25–64 år', [['25']], ['18'])).toBe(true);
    expect(answers('Ålder 25–64 år, tidigare 18 år', [['25']], ['18'])).toBe(false);
    expect(answers('Ålder 25–64 år, tidigare 180 dagar', [['25']], ['18'])).toBe(true);
  });

  test('parses JSONL with optional `none` and reports bad lines with their number', () => {
    const { lines, errors } = parseGoldenFile([
      '{"id":"a","text":"x","all":[["y"]]}',
      '',
      'not json',
      '{"id":1,"text":"q","all":[]}',
      '{"id":"b","text":"x","all":[["y"]],"none":["z"]}',
      '{"id":"c","text":"x","all":[["y"]],"none":"z"}',
    ].join('\n'));
    expect(lines.map((l) => [l.id, l.none])).toEqual([['a', []], ['b', ['z']]]);
    expect(errors.map((e) => e.split(':')[0])).toEqual(['rad 3', 'rad 4', 'rad 6']);
  });

  test('summarizes and describes misses in Swedish, a forbidden string included', () => {
    const score = summarize([
      { id: 'a', text: 'q1', reply: 'ja', missing: [] },
      { id: 'b', text: 'q2', reply: 'nej', missing: [['x', 'y']] },
      { id: 'c', text: 'q3', reply: 'ja 2020', missing: [], forbidden: ['2020'] },
    ]);
    expect(score.answered).toBe(1);
    expect(score.share).toBeCloseTo(1 / 3);
    expect(describeMiss(score.misses[0]!)).toContain('saknas: "x" eller "y"');
    expect(describeMiss(score.misses[1]!)).toContain('får inte stå: "2020"');
    expect(describeMiss(score.misses[1]!)).not.toContain('saknas');
  });
});
