import { describe, expect, test } from '@jest/globals';
import { isIsoDay, parseAskArgs } from '../../../src/channels/cli/args.js';
import { resolveChoice } from '../../../src/channels/cli/choices.js';

describe('parseAskArgs', () => {
  test('a question, with --today and --json in any order', () => {
    expect(parseAskArgs(['--today', '2023-02-01', 'När', 'är', 'nästa', 'styrelsemöte?', '--json'])).toEqual({
      mode: 'question',
      question: 'När är nästa styrelsemöte?',
      today: '2023-02-01',
      json: true,
    });
    expect(parseAskArgs(['--today=2024-02-29', 'hej'])).toMatchObject({ today: '2024-02-29' });
  });

  test('batch', () => {
    expect(parseAskArgs(['--batch', 'fragor.jsonl'])).toEqual({ mode: 'batch', file: 'fragor.jsonl', json: false });
  });

  test.each([
    [[], /Skriv en fråga/],
    [['--today', '2023-02-30', 'hej'], /Ogiltigt datum för --today: 2023-02-30/],
    [['--today'], /--today behöver ett värde/],
    [['--batch', 'f.jsonl', 'hej'], /antingen --batch eller en fråga/],
    [['--verbose', 'hej'], /Okänd flagga: --verbose/],
  ])('misuse %j gives a Swedish message', (argv, message) => {
    expect(() => parseAskArgs(argv)).toThrow(message);
  });

  test('isIsoDay', () => {
    expect(isIsoDay('2023-02-17')).toBe(true);
    expect(isIsoDay('2023-13-01')).toBe(false);
    expect(isIsoDay('17/2')).toBe(false);
  });
});

describe('resolveChoice', () => {
  const replies = [{ text: 'Hjälp' }, { text: 'Vad vill du veta mer om?', choices: [{ label: 'Budget' }, { label: 'T2', value: 'Siffror T2' }] }];

  test('a number picks the choice of the last reply with choices', () => {
    expect(resolveChoice('1', replies)).toBe('Budget');
    expect(resolveChoice(' 2 ', replies)).toBe('Siffror T2');
  });

  test('anything else is sent as typed', () => {
    expect(resolveChoice('3', replies)).toBe('3');
    expect(resolveChoice('budget 2024', replies)).toBe('budget 2024');
    expect(resolveChoice('1', [{ text: 'inga val' }])).toBe('1');
  });
});
