import { beforeAll, describe, expect, test } from '@jest/globals';
import { loadData, type AgreementData } from '../../../src/data/load.js';
import { completeData } from '../../../src/domain/answers/common.js';
import { caseReply, detectIntent } from '../../../src/domain/aktualisering/answer.js';
import { extractFacts, lexiconFor } from '../../../src/domain/aktualisering/extract.js';
import { aktualiseringScore } from '../../../src/domain/aktualisering/recognize.js';
import { mergeFacts } from '../../../src/domain/aktualisering/facts.js';
import { bestSentence, distinctiveTerms } from '../../../src/domain/routing/evidence.js';
import { FREQUENCY } from '../../../src/domain/routing/answersQuestion.js';
import { queryTerms } from '../../../src/domain/search/tokenize.js';
import { understand } from '../../../src/understanding/understand.js';

let data: AgreementData;
beforeAll(async () => {
  data = completeData(await loadData('data'));
});
const now = new Date('2026-12-02T12:00:00Z');

describe('the aktualisering evidence table decides by combination', () => {
  test('a fit verb alone is not ours; with a person and a verksamhet it is', () => {
    const lexicon = lexiconFor(data);
    expect(aktualiseringScore(understand(data, 'Funkar det?', now), lexicon)).toBe(0);
    expect(aktualiseringScore(understand(data, 'Funkar Vuxentorget för klienten?', now), lexicon)).toBeGreaterThanOrEqual(0.9);
    expect(aktualiseringScore(understand(data, 'Vad är Vuxentorget?', now), lexicon)).toBe(0);
    // The ages a referring party's process covers are the aktualisering rules' (KAA is a referrer in data/).
    expect(aktualiseringScore(understand(data, 'Vilken åldersgrupp omfattas av det kommunala aktivitetsansvaret, KAA?', now), lexicon)).toBeGreaterThanOrEqual(0.9);
    expect(aktualiseringScore(understand(data, 'Vilken åldersgrupp omfattas av Vuxentorget?', now), lexicon)).toBe(0);
    // Förankring of a media contact is the kommunikationsplan's, not a referral.
    expect(aktualiseringScore(understand(data, 'en journalist ringde om steget vidare, vem ska jag förankra med innan jag svarar', now), lexicon)).toBe(0);
    expect(aktualiseringScore(understand(data, 'vem ska förankra innan aktualisering?', now), lexicon)).toBeGreaterThanOrEqual(0.9);
    // A contact asked about a person in a team is the contacts' question, not the person's fit.
    expect(aktualiseringScore(understand(data, 'vem ringer jag på psyk om en patient som är aktuell i samordningsteamet i vindeln', now), lexicon)).toBe(0);
  });

  test('"fst" is försörjningsstöd, and "varken A eller B men fst" keeps only fst', () => {
    const f = extractFacts('pat har varken sjukpenning eller aktivitetsersättning men får fst', lexiconFor(data));
    expect(f.benefits).toEqual(['forsorjningsstod']);
  });

  test('"kan han ingå i målgruppen för samverkan" with no verksamhet is checked against the agreement\'s own målgrupp (forbund.samverkan)', () => {
    const text = 'min klient e 66 år o arbetslös med fst, kan han ingå i målgruppen för samverkan';
    const facts = extractFacts(text, lexiconFor(data));
    const { intent } = detectIntent(understand(data, text, now), facts, data);
    expect(intent).toBe('fit');
    const { reply } = caseReply(mergeFacts({ unknown: [] }, facts), intent, data, '2026-12-02');
    expect(reply.text).toMatch(/^Nej – en 66-åring ingår inte i .*16–64/u);
  });
});

describe('a search headline gives the value the form asks for', () => {
  test('"hur ofta": the sentence with the frequency leads, not the one that names the subject most', () => {
    const text = 'Steget vidare leds av en styrgrupp med representanter från varje organisation. Ordförande är en av kommunens representanter. Styrgruppen sammanträder var 6:e vecka.';
    const q = 'Hur ofta träffas styrgruppen för Steget vidare?';
    expect(bestSentence(text, queryTerms(q), distinctiveTerms(data, q), undefined, (l) => FREQUENCY.test(l))).toMatch(/^Styrgruppen sammanträder var 6:e vecka/u);
  });
});

describe('a förankring question asks only for what the förankring depends on', () => {
  test('"psyk, pat med sjukpenning, måste jag stämma av först?" is not asked the person\'s age (only the målgrupp needs it)', async () => {
    const { questionsFor } = await import('../../../src/domain/aktualisering/answer.js');
    const text = 'jobbar på psyk, har en pat med sjukpenning som jag vill aktualisera till arbetsmarknadstorgen. måste jag stämma av m nån först?';
    const facts = mergeFacts({ unknown: [] }, extractFacts(text, lexiconFor(data)));
    const { intent } = detectIntent(understand(data, text, now), facts, data);
    expect(intent).toBe('forankring');
    const { result } = caseReply(facts, intent, data, '2026-12-02');
    expect(result.fitOnly).toContain('age');
    expect(questionsFor(intent, result)).not.toContain('age');
    expect(questionsFor('fit', result)).toContain('age');
  });
});

describe('a choice between named paths', () => {
  test('the path whose description holds the case\'s words is the answer', () => {
    const text = 'klientens behov är helt oklara, ska hen till arenor för prövning el direkt till beredningen för torgen?';
    const facts = extractFacts(text, lexiconFor(data));
    expect(detectIntent(understand(data, text, now), facts, data)).toEqual({ intent: 'path', pathId: 'arenor-for-provning' });
  });
});
