import { beforeAll, describe, expect, it } from '@jest/globals';
import { loadData, type AgreementData } from '../../../src/data/load.js';
import { complementEvidence, datedHeadline, distinctiveTerms, passagesLead, excerptAround, hasNumber, isNoAnswer, missingTerms } from '../../../src/domain/routing/evidence.js';

let data: AgreementData;
beforeAll(async () => {
  data = await loadData('data');
});

describe('distinctive words of a question', () => {
  it('keeps rare words and named entities, drops question chatter', () => {
    const terms = distinctiveTerms(data, 'Hur mycket måste man betala för NNS indikatorprojekt?');
    expect(terms).toContain('nns');
    expect(terms).not.toContain('mycket');
    expect(terms).not.toContain('mast');
    expect(distinctiveTerms(data, 'Vem leder samordningsteamet i Vindeln?')).toContain('vindeln');
  });

  it('an answer that names the entity by its full name holds the question\'s words', () => {
    const { missing } = missingTerms(data, 'Hur är samordningsteamet i Vindeln bemannat?', ['Samordningsteamet Vindeln: Koordinator, arbetsmarknadsenheten']);
    expect(missing).not.toContain('vindeln');
  });

  it('numbers are compared without thousands spaces', () => {
    expect(hasNumber('sökt summa 1 846 tkr', '1846')).toBe(true);
    expect(hasNumber('18460', '1846')).toBe(false);
  });
});

describe('excerpts around the hit', () => {
  it('shows the sentence that answers even when it comes last in a long passage', () => {
    const filler = 'Här beskrivs bakgrunden till förslaget i detalj. '.repeat(30);
    const text = `${filler}Förbundet går in med full finansiering av kuratorn, cirka 500 tkr per år.`;
    const out = excerptAround(text, ['kuratorn', 'finansiering'], 300);
    expect(out).toContain('500 tkr');
    expect(out.startsWith('…')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(310);
  });

  it('short passages come back whole', () => {
    expect(excerptAround('Kort text.', ['kort'], 300)).toBe('Kort text.');
  });
});

describe('a "när" headline carries its passage\'s day', () => {
  it('prefixes the day of a dated record, and leaves a headline that has one', () => {
    expect(datedHeadline('Den nya styrelsen tillträder', '2023-04-07 · Styrelsemöte · Den nya styrelsen tillträder')).toBe('2023-04-07: Den nya styrelsen tillträder');
    expect(datedHeadline('Beslut senast 30 november 2023.', '2023-11-30 · Beslut')).toBe('Beslut senast 30 november 2023.');
    expect(datedHeadline('Styrgruppen träffas regelbundet.', 'Styrgruppen träffas regelbundet.')).toBe('Styrgruppen träffas regelbundet.');
  });
});

describe('complementing an answer', () => {
  it('an answer that misses the question\'s subject gets the passage that holds it', () => {
    const extra = complementEvidence(data, 'Vem är sammankallande för samordningsteamet i Vindeln?', ['18 samverkansinitiativ: Unga med aktivitetsersättning, sammankallande: Försäkringskassan']).reply;
    expect(extra?.facts?.map((f) => f.value).join(' ')).toMatch(/Koordinator/u);
    expect(extra?.sources?.length).toBeGreaterThan(0);
  });

  it('an answer about none of the question\'s distinctive words: the passages lead, opening with their answering sentence', () => {
    const e = complementEvidence(data, 'Vem är sammankallande för samordningsteamet i Vindeln?', ['Styrelsen har nio ledamöter.']);
    expect(e.answerHeld).toBe(0);
    expect(passagesLead(e)).toBe(true);
    expect(e.reply?.text).not.toBe('Det här står också i dokumenten om det du frågar:');
    expect(e.reply?.status).toBe('answered');
  });

  it('an answer that holds one of the question\'s words keeps the lead', () => {
    const e = complementEvidence(data, 'Vem är sammankallande för samordningsteamet i Vindeln?', ['18 samverkansinitiativ: Unga med aktivitetsersättning, sammankallande: Försäkringskassan']);
    expect(passagesLead(e)).toBe(false);
  });

  it('passages holding two more of the question\'s words than a direct answer lead it; a decided answer keeps the lead unless it holds none', () => {
    const e = complementEvidence(data, 'Vi är inte anslutna till SDK än – måste vi vara det under 2023?', ['Medlemmar: styrelsen har 9 ledamöter; Kriminalvården är part i Överenskommelse 2023.']);
    expect(e.passagesHeld).toBeGreaterThanOrEqual(e.answerHeld + 2);
    expect(passagesLead(e, 'two-more')).toBe(true);
    expect(passagesLead({ answerHeld: 1, passagesHeld: 3, reply: { text: 'x' } })).toBe(false);
    expect(passagesLead({ answerHeld: 1, passagesHeld: 3, reply: { text: 'x' } }, 'two-more')).toBe(true);
    expect(passagesLead({ answerHeld: 1, passagesHeld: 2, reply: { text: 'x' } }, 'two-more')).toBe(false);
  });

  it('an answer that already covers the question gets nothing added', () => {
    expect(complementEvidence(data, 'Vad är Vuxentorgets budget 2023?', ['Vuxentorget 2023: 2 190 tkr (budgeterad kostnad).']).reply).toBeUndefined();
  });

  it('a "Det står inte" reply is a no-answer signal', () => {
    expect(isNoAnswer({ status: 'not-stated' })).toBe(true);
    // Decided by the builder's status, never by the wording.
    expect(isNoAnswer({ status: 'answered' })).toBe(false);
    expect(isNoAnswer({})).toBe(false);
  });
});
