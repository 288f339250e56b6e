import { beforeAll, describe, expect, test } from '@jest/globals';
import { loadData, type AgreementData } from '../../../src/data/load.js';
import { classifyCalendarQuestion } from '../../../src/domain/calendar/intent.js';
import { parseQueryCached } from '../../../src/domain/entities.js';

let data: AgreementData;
beforeAll(async () => {
  data = await loadData('data');
});

/** The intent and score from the table alone: no group named, no topic the calendar holds unless given. */
const classify = (text: string, hints = { hasGroup: false, topicScore: 0 }) => {
  const q = classifyCalendarQuestion(parseQueryCached(data, text), text, '2024-03-01', hints);
  return q === undefined ? undefined : `${q.intent} ${q.score}`;
};

describe('the årshjul table decides from combinations (src/domain/calendar/cues.ts)', () => {
  test('"nästa" alone is nobody\'s; with a meeting word or a group it is the next meeting', () => {
    expect(classify('Nästa steg?')).toBeUndefined();
    expect(classify('Nästa sammanträde?')).toBe('nextMeeting 0.92');
    expect(classify('Nästa gång för gruppen?', { hasGroup: true, topicScore: 0 })).toBe('nextMeeting 0.92');
  });

  test('ending needs what is ended: a subscription', () => {
    expect(classify('Avsluta')).toBeUndefined();
    expect(classify('Avsluta prenumerationen')).toBe('unsubscribe 0.95');
  });

  test('a date with a meeting word is a period, with only a group a plausible one', () => {
    expect(classify('Vad gör gruppen den 5 maj?')).toBeUndefined();
    expect(classify('Vad gör gruppen den 5 maj?', { hasGroup: true, topicScore: 0 })).toBe('period 0.6');
    expect(classify('Vilka sammanträden är det den 5 maj?')).toBe('period 0.9');
  });

  test('a when-question needs a meeting, a group or a topic the calendar holds', () => {
    expect(classify('När är det?')).toBeUndefined();
    expect(classify('När är det?', { hasGroup: false, topicScore: 2 })).toBe('topic 0.95');
    expect(classify('När är mötet?')).toBe('nextMeeting 0.85');
  });

  test('a yes or no about a topic\'s month is the årshjul\'s: its date said against the month', () => {
    expect(classify('Ligger planeringsdagen i september?', { hasGroup: false, topicScore: 2 })).toBe('topic 0.9');
    expect(classify('Ligger planeringsdagen i september?')).toBeUndefined();
  });
});
