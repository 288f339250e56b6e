import { join } from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { loadData, type AgreementData } from '../../../src/data/load.js';
import { answerSearch, currentFirst, HITS_TEXT, NO_HITS_TEXT } from '../../../src/domain/answers/search.js';
import { buildCorpus } from '../../../src/domain/search/corpus.js';
import { buildSearchIndex, search, searchIndexFor } from '../../../src/domain/search/searchIndex.js';
import { queryTerms, stemSwedish } from '../../../src/domain/search/tokenize.js';
import { renderText } from '../../../src/core/renderText.js';

let data: AgreementData;
beforeAll(async () => {
  data = await loadData(join(process.cwd(), 'data'));
});

describe('Swedish tokenisation', () => {
  test('stems inflected forms together', () => {
    expect(stemSwedish('kontaktpersoner')).toBe(stemSwedish('kontaktperson'));
    expect(stemSwedish('indikatorer')).toBe('indikator');
    expect(stemSwedish('arbetsformedlingens')).toBe(stemSwedish('arbetsformedlingen'));
  });
  test('drops stop words, folds å/ä/ö, rewrites synonyms', () => {
    expect(queryTerms('Vad är målgruppen?')).toEqual([stemSwedish('malgruppen')]);
    expect(queryTerms('ÖVK')).toEqual([stemSwedish('overenskommelse')]);
  });
  test('the word after "hur" that names the kind of value asked for is not a search term', () => {
    expect(queryTerms('Hur lång är väntetiden?')).toEqual([stemSwedish('vantetiden')]);
    expect(queryTerms('hur många långa sjukfall')).toContain(stemSwedish('langa'));
  });
  test('caps overlong words and query length', () => {
    expect(queryTerms('a'.repeat(500))).toEqual([]);
    expect(queryTerms(Array.from({ length: 100 }, (_, i) => `ord${i}`).join(' ')).length).toBeLessThanOrEqual(24);
  });
});

describe('search over all curated text', () => {
  test('every kind of record is in the corpus, with a source', () => {
    const kinds = new Set(buildCorpus(data).map((d) => d.kind.split('.')[0]));
    for (const k of ['parties', 'organs', 'verksamheter', 'agreements', 'commitments', 'contacts', 'decisions', 'passages']) expect(kinds).toContain(k);
    expect(buildCorpus(data).every((d) => d.source.doc.endsWith('.txt'))).toBe(true);
  });

  test('a dated record\'s passage holds its date: "när …?" finds it with the day', () => {
    const event = data.calendarEvents.find((e) => typeof e.date === 'string');
    expect(event).toBeDefined();
    const doc = buildCorpus(data).find((d) => d.key === `calendarEvents:${event?.forbund ?? ''}:${event?.id ?? ''}`);
    expect(doc?.text).toContain(event?.date);
  });

  test('the index is built once per data version', () => {
    expect(searchIndexFor(data)).toBe(searchIndexFor(data));
    expect(searchIndexFor({ ...data })).toBe(searchIndexFor(data));
  });

  test.each([
    ['uppsägning uppdragsavtal', 'tre månader'],
    ['uppsagning uppdragsavtal', 'tre månader'],
    ['ledarskapsdagar', '29/9'],
    ['Social lots Ungdomstorget', '408'],
    ['SKAPA verktyget', 'SKAPA'],
  ])('"%s" finds "%s"', (query, expected) => {
    const hits = search(searchIndexFor(data), query, { limit: 3 });
    expect(hits.map((h) => h.doc.text).join(' ')).toContain(expected);
  });

  test('the headline gives what the form asks for: a frequency for "hur ofta", who for "vem"', () => {
    const often = answerSearch(data, 'Hur ofta träffas Steget vidares styrgrupp?');
    expect(often.text.split('\n')[0]).toMatch(/var 6:e vecka/u);
    const who = answerSearch(data, 'Vem leder det dagliga arbetet på Vuxentorget?');
    expect(who.text.split('\n')[0]).toMatch(/^Utvecklingsledare/u);
  });

  test('tolerates a typo', () => {
    const hits = search(searchIndexFor(data), 'ledarskapsdgar', { limit: 3 });
    expect(hits.length).toBeGreaterThan(0);
  });

  test('answers with passages and sources, or says plainly that the documents do not say', () => {
    const good = answerSearch(data, 'Vad beslutade styrelsen om ledarskapsdagar?');
    // Answer first: the headline is the passage's sentence about the question, not a lead-in.
    expect(good.text).not.toBe(HITS_TEXT);
    expect(good.text).toMatch(/ledarskapsdag/iu);
    expect(good.status).toBe('answered');
    expect(renderText(good)).toContain('Källa: ');
    expect(answerSearch(data, '😀😀😀').text).toBe(NO_HITS_TEXT);
    expect(answerSearch(data, 'kvantfysik rymdraketer').text).toContain('Det står inte i överenskommelserna');
  });
});

describe('current first', () => {
  const doc = (id: number, source: string, title: string) => ({ id, key: `k${id}`, kind: 'passage', forbund: 'f', title, text: title, names: '', source: { doc: source, section: 's' } });
  const documents = [
    { doc: 'old.txt', title: 'Gammal', date: '2014-01-01', forbund: ['f'], kind: 'plan' },
    { doc: 'new.txt', title: 'Ny', date: '2023-01-01', forbund: ['f'], kind: 'plan' },
  ];
  const data = { documents } as unknown as Parameters<typeof currentFirst>[0];
  const hit = (d: ReturnType<typeof doc>, score: number) => ({ doc: d, score, coverage: 1 }) as unknown as Parameters<typeof currentFirst>[1][number];

  test('among passages that match about as well, the newest document comes first', () => {
    const out = currentFirst(data, [hit(doc(1, 'old.txt', 'gammal'), 10), hit(doc(2, 'new.txt', 'ny'), 9)]);
    expect(out.map((h) => h.doc.title)).toEqual(['ny', 'gammal']);
  });

  test('a clearly better passage keeps the lead whatever its date', () => {
    const out = currentFirst(data, [hit(doc(1, 'old.txt', 'gammal'), 10), hit(doc(2, 'new.txt', 'ny'), 5)]);
    expect(out.map((h) => h.doc.title)).toEqual(['gammal', 'ny']);
  });
});

describe('current first across passages on the same subject', () => {
  test('the newest document on the same record leads, named with its date; the older one follows as "Äldre uppgift"', () => {
    const reply = answerSearch(data, 'Är primärvården med på Vuxentorget?');
    const [first = '', second = ''] = reply.text.split('\n');
    const date = (label: string) => /\((\d{4}-\d{2}-\d{2})\)/u.exec(label)?.[1] ?? '';
    expect(second.startsWith('Äldre uppgift – ')).toBe(true);
    expect(date(first) > date(second)).toBe(true);
    expect(first).toContain('hälsokoordinator');
    expect(second).toContain('ännu inte anslutit');
  });
});

describe('search rankings kept per index and query', () => {
  const queries = ['Vad står det om kompetensutveckling?', 'Vem kontaktar jag på psykiatrin?', 'budget arbetsförmedlingen', 'ÖVK'];
  const view = (hits: { doc: { id: number }; score: number; coverage: number }[]) => hits.map((h) => [h.doc.id, h.score, h.coverage]);

  test('a query asked again, or with another limit, ranks as a fresh index does', () => {
    const index = searchIndexFor(data);
    const forbund = [data.forbund[0]?.id ?? ''];
    for (const limit of [3, 8, 30, 3, 100]) {
      // A new index per limit: each of its queries is ranked for the first time.
      const fresh = buildSearchIndex(data);
      for (const q of queries) {
        expect(view(search(index, q, { limit }))).toEqual(view(search(fresh, q, { limit })));
        expect(view(search(index, q, { limit, forbund }))).toEqual(view(search(fresh, q, { limit, forbund })));
      }
    }
  });

  test('the cached ranking is not handed out to be changed', () => {
    const index = searchIndexFor(data);
    const first = search(index, 'kompetensutveckling', { limit: 3 });
    first.length = 0;
    expect(search(index, 'kompetensutveckling', { limit: 3 }).length).toBeGreaterThan(0);
  });
});
