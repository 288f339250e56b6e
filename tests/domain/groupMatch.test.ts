import { beforeAll, describe, expect, test } from '@jest/globals';
import { loadData, type AgreementData } from '../../src/data/load.js';
import { completeData } from '../../src/domain/answers/common.js';
import { answerMalgrupp } from '../../src/domain/answers/malgrupp.js';
import { parseQueryCached } from '../../src/domain/entities.js';
import { groupVerdictLine, matchGroup } from '../../src/domain/groupMatch.js';

let data: AgreementData;
beforeAll(async () => {
  data = completeData(await loadData('data'));
});

const groups = { groups: ['Arbetslösa med sjukpenning', 'Sjukskrivna med försörjningsstöd (nollklassade)', 'Deltagare i etableringsprogrammet som bedöms inte kunna matchas mot arbete inom programtiden', 'Långtidsarbetslös'], prioritised: [] };

describe('matchGroup: the listed group a question\'s person belongs to', () => {
  test('the group whose name shares the most stems; a one-word group by its one stem', () => {
    expect(matchGroup('hör nollklassade sjukskrivna med fst till målgruppen', groups)?.group).toBe('Sjukskrivna med försörjningsstöd (nollklassade)');
    expect(matchGroup('kan teamet ta emot en långtidsarbetslös person', groups)?.group).toBe('Långtidsarbetslös');
    expect(matchGroup('vad gör styrgruppen', groups)).toBeUndefined();
  });

  test('a stem the group negates and the question does not is a conflict, and a Nej', () => {
    const m = matchGroup('räknas etableringsdeltagare som går att matcha mot jobb inom programtiden?', groups);
    expect(m?.conflict).toBe(true);
    expect(groupVerdictLine(m!, 'Arbetsmarknadstorgens')).toMatch(/^Nej – Arbetsmarknadstorgens målgrupp är ”Deltagare i etableringsprogrammet som bedöms inte kunna matchas/u);
    const ok = matchGroup('räknas etableringsdeltagare som inte kan matchas mot arbete inom programtiden?', groups);
    expect(ok?.conflict).toBe(false);
    // A negation in the question's explanation ("… eftersom arbetsförmågan inte bedöms medicinskt nedsatt") against a group that says the same is no conflict.
    const same = { groups: ['Arbetssökande som fått avslag på förlängning av sjukersättning eftersom deras arbetsförmåga inte är nedsatt av medicinska skäl'], prioritised: [] };
    expect(matchGroup('fick avslag på förlängd sjukersättning eftersom arbetsförmågan inte bedöms medicinskt nedsatt', same)?.conflict).toBe(false);
  });
});

describe('a yes/no målgrupp question about a person is answered Ja/Nej first', () => {
  const first = (t: string) => answerMalgrupp(data, parseQueryCached(data, t)).text.split('\n')[0];
  test('a matching group is Ja, with the conditions still unknown', () => {
    expect(first('hör nollklassade sjukskrivna med fst till vuxentorgets målgrupp')).toMatch(/^Ja – ”Sjukskrivna med försörjningsstöd \(nollklassade\)” ingår i Vuxentorgets målgrupp, om personen är 25–64 år/u);
    expect(first('ingår frivårdens klienter i målgruppen för överenskommelsen')).toMatch(/^Ja – ”Klienter från frivården i behov av samordnat stöd”/u);
  });

  test('a home outside the residence list is Nej; "stänger det ute?" turns the verdict round', () => {
    expect(first('Kan Samverkansteam Finnveden ta emot en långtidsarbetslös person som bor i Jönköping?')).toMatch(/^Nej – personen ingår inte i Samverkansteam Finnvedens målgrupp/u);
    expect(first('aktivt missbruk – stänger det ute från samverkansteam finnveden?')).toMatch(/^Ja – personen ingår inte/u);
  });

  test('the agreement\'s groups answer only a question about a målgrupp, not one about a referrer\'s own process', () => {
    expect(first('Under rubriken om unga som saknar fullgjord gymnasieutbildning: omfattas en 20-åring som hoppat av gymnasiet av det kommunala aktivitetsansvaret?')).not.toMatch(/^Ja – ”Unga som saknar/u);
  });

  test('a question that is not yes/no gets no verdict', () => {
    expect(first('vilka ingår i vuxentorgets målgrupp')).not.toMatch(/^(Ja|Nej)\b/u);
  });
});
