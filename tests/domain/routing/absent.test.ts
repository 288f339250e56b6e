import { beforeAll, describe, expect, test } from '@jest/globals';
import type { Reply } from '../../../src/core/reply.js';
import { loadData, type AgreementData } from '../../../src/data/load.js';
import { completeData } from '../../../src/domain/answers/common.js';
import { absentThing, documentsName, notStatedText } from '../../../src/domain/routing/absent.js';
import { missesAbsentThing } from '../../../src/domain/routing/answersQuestion.js';
import { askedNouns } from '../../../src/understanding/asked.js';
import { understand } from '../../../src/understanding/understand.js';

let data: AgreementData;
beforeAll(async () => {
  data = completeData(await loadData('data'));
});
const now = new Date('2026-12-02T12:00:00Z');
const u = (text: string) => understand(data, text, now);

describe('the thing a question asks about (src/understanding/asked.ts)', () => {
  test.each([
    ['vilken typ av blankett ska man fylla i', 'blankett'],
    ['vad ar sjukpenningtalet i umea', 'sjukpenningtalet'],
    ['hur hogt ar arvodet', 'arvodet'],
    ['finns det nagon vantelista', 'vantelista'],
  ])('%s → %s', (text, noun) => {
    const tokens = text.split(' ');
    expect(askedNouns(tokens).map((i) => tokens[i])).toEqual([noun]);
  });

  test('a question without such a form names no thing', () => {
    expect(askedNouns('regionen vill aktualisera en person'.split(' '))).toEqual([]);
  });
});

describe('a thing no document names', () => {
  test('documentsName: inflections, longer words and typos count; a compound is not named by its first part', () => {
    expect(documentsName(data, 'styrelsen')).toBe(true);
    expect(documentsName(data, 'handlaggar')).toBe(true);
    expect(documentsName(data, 'samordningsforbundt')).toBe(true);
    expect(documentsName(data, 'vantelista')).toBe(false);
    expect(documentsName(data, 'sjukpenningtabell')).toBe(false);
  });

  test('absentThing gives the word as typed; entities, value words and words the documents have are not absent', () => {
    expect(absentThing(data, u('Finns det en väntelista till Vuxentorget?'))).toBe('väntelista');
    expect(absentThing(data, u('Vilken veckodag är styrelsemötet?'))).toBeUndefined();
    expect(absentThing(data, u('Vilket datum är nästa styrelsemöte?'))).toBeUndefined();
    expect(absentThing(data, u('Vilka kommuner ingår i förbundet?'))).toBeUndefined();
    expect(absentThing(data, u('Vad är Vuxentorget?'))).toBeUndefined();
  });

  test('an answer that does not name the absent thing does not answer; one that names it (a feature of the bot) does', () => {
    const q = u('Finns det en väntelista till Vuxentorget?');
    const rules: Reply = { text: 'Vuxentorgets målgrupp är personer 25–64 år.', status: 'answered' };
    expect(missesAbsentThing(data, q, rules)).toBe(true);
    const own: Reply = { text: 'Väntelistan för Vuxentorget: tre personer.', status: 'answered' };
    expect(missesAbsentThing(data, q, own)).toBe(false);
    expect(notStatedText(data, q)).toMatch(/^Det står inte i överenskommelserna – ”väntelista” nämns inte där/u);
    expect(notStatedText(data, u('Vad är Vuxentorget?'))).not.toMatch(/nämns inte där/u);
  });
});

describe('a search passage without a sentence for the value asked', () => {
  test('"hur mycket pengar …" about an initiative whose passage gives no amount sentence is not answered by a bare list', async () => {
    const { answerSearch } = await import('../../../src/domain/answers/search.js');
    const reply = answerSearch(data, 'Hur mycket pengar är avsatta för initiativet om nyanlända som förvärvat skada innan ankomst till Sverige?');
    expect(reply.text).not.toMatch(/^Det här säger överenskommelserna:/u);
  });
});

describe('the bot\'s own vocabulary and generic compounds are not absent things', () => {
  test('a feature\'s cue word ("deadlines", "giltighetstid") are named', async () => {
    const { knownCue } = await import('../../../src/domain/routing/vocabulary.js');
    expect(knownCue('deadlines')).toBe(true);
    expect(knownCue('giltighetstid')).toBe(true);
    expect(knownCue('vantelista')).toBe(false);
    expect(absentThing(data, u('Finns det några deadlines i december?'))).toBeUndefined();
    // "beredning" + (s)tid: a compound of a word the documents have and a word of time is named.
    expect(documentsName(data, 'beredningstid')).toBe(true);
    expect(documentsName(data, 'beredningsbuss')).toBe(false);
    // "psykolog" + "tjänsten": the post of a role the documents name.
    expect(documentsName(data, 'psykologtjansten')).toBe(true);
  });

  test('"… och senast när …" starts a new part', async () => {
    const { compositeParts } = await import('../../../src/understanding/parts.js');
    expect(compositeParts('vilken giltighetstid har den, och senast när ska uppdateringen beslutas?')).toEqual(['vilken giltighetstid har den', 'senast när ska uppdateringen beslutas?']);
  });
});
