import { beforeAll, describe, expect, test } from '@jest/globals';
import { loadData, type AgreementData } from '../../../src/data/load.js';
import { completeData } from '../../../src/domain/answers/common.js';
import { caseReply, detectIntent } from '../../../src/domain/aktualisering/answer.js';
import { extractFacts, lexiconFor } from '../../../src/domain/aktualisering/extract.js';
import { evaluate } from '../../../src/domain/aktualisering/engine.js';
import { mergeFacts } from '../../../src/domain/aktualisering/facts.js';
import { understand } from '../../../src/understanding/understand.js';

let data: AgreementData;
beforeAll(async () => {
  data = completeData(await loadData('data'));
});
const now = new Date('2026-12-02T12:00:00Z');

/** The first line of the case answer to an opening question, as the direct answer and the dialog's first step give it. */
function firstLine(text: string): string {
  const u = understand(data, text, now);
  const extracted = extractFacts(text, lexiconFor(data));
  const { intent } = detectIntent(u, extracted, data);
  const { reply } = caseReply(mergeFacts({ unknown: [] }, extracted), intent, data, '2026-12-02', { question: u });
  return reply.text.split('\n')[0] ?? '';
}

describe('a yes/no question about förankring is answered Ja/Nej from the rules engine\'s result', () => {
  test('"måste jag förankra med X?": Ja when the rule that applies names X, Nej when it names someone else', () => {
    expect(firstLine('jobbar på psyk, pat med sjukpenning ska till arbetsmarknadstorget. måste jag förankra med fk först?')).toMatch(/^Ja – Regionen ska förankra med Försäkringskassan/u);
    expect(firstLine('pat på psyk lever på försörjningsstöd, måste jag kolla m nån på soc innan aktualisering till torget')).toMatch(/^Ja – Regionen ska förankra med socialtjänstens/u);
    expect(firstLine('jobbar på psyk, pat med sjukpenning, måste jag förankra med soc?')).toMatch(/^Nej – Regionen ska förankra med Försäkringskassan/u);
  });

  test('"kan vi skicka direkt / utan att prata med FK?" is Nej where a förankring applies', () => {
    expect(firstLine('psyk här, pat har sjukpenning o vi vill aktualisera till arbetsmarknadstorget. kan vi skicka direkt?')).toMatch(/^Nej – /u);
    expect(firstLine('Hälsocentral: patient med sjukpenning behöver Vuxentorget – kan jag aktualisera utan att prata med FK?')).toMatch(/^Nej – /u);
  });

  test('benefits the person lacks ("varken … eller …") settle the rules that need them: no förankring, Nej', () => {
    const text = 'Psykiatrin: vår patient har varken sjukpenning, aktivitetsersättning eller försörjningsstöd. Måste vi förankra innan aktualisering?';
    const facts = mergeFacts({ unknown: [] }, extractFacts(text, lexiconFor(data)));
    expect(facts.lacks).toEqual(expect.arrayContaining(['sjukpenning', 'aktivitetsersattning', 'forsorjningsstod']));
    const result = evaluate(facts, data, '2026-12-02');
    expect(result.forankringNeeded).toBe('no');
    expect(result.missing).not.toContain('benefits');
    expect(firstLine(text)).toMatch(/^Nej – .*anger ingen förankring för Regionen/u);
  });

  test('a path the rules do not open is Nej, even when the verksamhet named has that beredning', () => {
    expect(firstLine('soc: klient med fst som står nära arbetsmarknaden, ska hen till beredningen på torget?')).toMatch(/^Nej – Socialtjänsten ska stämma av med Arbetsförmedlingen/u);
  });

  test('no verdict while the answer depends on a fact not known, and none for a question that is not yes/no', () => {
    expect(firstLine('jobbar på psyk, måste jag förankra innan aktualisering till arbetsmarknadstorget?')).not.toMatch(/^(Ja|Nej)\b/u);
    expect(firstLine('vc här. patienten lever på försörjningsstöd, ingen sjp\nvem ska jag stämma av med innan vi skickar till arbetsmarknadstorget')).not.toMatch(/^(Ja|Nej)\b/u);
  });
});
