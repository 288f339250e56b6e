import { describe, expect, test } from '@jest/globals';
import { loadData } from '../../src/data/load.js';
import { completeData } from '../../src/domain/answers/common.js';
import { entityTokens } from '../../src/domain/entities.js';
import { normalize } from '../../src/domain/text.js';
import { messageForm, questionClause, questionForm } from '../../src/understanding/form.js';
import { negationSpans } from '../../src/understanding/negation.js';
import { compositeParts } from '../../src/understanding/parts.js';
import { isNegated, understand } from '../../src/understanding/understand.js';

const tokens = (text: string) => entityTokens(normalize(text));
const form = (text: string) => questionForm(tokens(text));
/** The words a negation covers, joined. */
const negated = (text: string) => {
  const t = tokens(text);
  return negationSpans(t).map((s) => t.slice(s.start, s.end).join(' '));
};

describe('question form', () => {
  test.each([
    ['Kan en 23-åring aktualiseras till Vuxentorget?', 'yesno'],
    ['far AF delta i SSG', 'yesno'],
    ['Är Vännäs med i förbundet?', 'yesno'],
    ['Måste individen lämna samtycke?', 'yesno'],
    ['Jag undrar om FK kan aktualisera direkt', 'yesno'],
    ['Var det så att beslutet togs 2017?', 'yesno'],
    ['Vem kontaktar jag på psykiatrin?', 'vem'],
    ['vems ansvar är det', 'vem'],
    ['När är nästa styrelsemöte?', 'nar'],
    ['Vilket datum ska verksamhetsplanen vara klar?', 'nar'],
    ['Vilka mötesdatum gäller för planeringsdagen 2023?', 'nar'],
    ['Vad var Steget vidares budget för 2015?', 'hur-mycket'],
    ['Vad är syftet med budgeten?', 'vad'],
    ['Hur mycket får Vuxentorget 2024?', 'hur-mycket'],
    ['hur många deltagare', 'hur-mycket'],
    ['Vad kostar kansliet?', 'hur-mycket'],
    ['Hur ofta träffas SSG?', 'hur-ofta'],
    ['Vad åtar sig AF?', 'vad'],
    ['Var ligger Vuxentorget?', 'vad'],
    ['Kan du säga vem som är ordförande?', 'vem'],
    ['Hej! När är nästa möte?', 'nar'],
    ['Budget Ungdomstorget 2024', 'other'],
  ])('%s → %s', (text, expected) => {
    expect(form(text)).toBe(expected);
  });

  test('a finite verb first is a yes/no question: a past form always, a present form with a question mark', () => {
    const whole = (text: string) => messageForm(text, tokens);
    expect(whole('Föreslog beredningsgruppen bifall till ansökan?')).toBe('yesno');
    expect(whole('betalade försäkringskassan själv sin handläggare')).toBe('yesno');
    expect(whole('Deltar primärvården på torget?')).toBe('yesno');
    // Keywords typed without a question mark: a plural noun, not a verb.
    expect(whole('Målgrupper vuxentorget')).toBe('other');
    expect(whole('Insatser för unga?')).toBe('other');
    expect(whole('Beskriv målgruppen')).toBe('other');
  });
});

describe('the question clause of a message that describes first', () => {
  const whole = (text: string) => messageForm(text, tokens);
  test('the clause after the last dash, colon or full stop before the question mark decides the form', () => {
    expect(whole('Vi ska lämna in vår bilaga med åtaganden för 2027 – vad är deadline?')).toBe('nar');
    expect(whole('17 åring i varnamo, har varken sjukpenning eller forsorjningsstod. funkar teamet?')).toBe('yesno');
    expect(whole('Jag har en fråga om budgeten: hur mycket får kansliet 2024?')).toBe('hur-mycket');
  });
  test('a statement asked to be confirmed ("väl", "…, eller?") is a yes/no question', () => {
    expect(whole('Arbetsförmedlingen är väl inte part i avtalet?')).toBe('yesno');
    expect(whole('Kriminalvården har inga åtaganden än, eller?')).toBe('yesno');
    expect(whole('Kriminalvården har inga åtaganden än')).toBe('other');
  });
  test('keywords with a late question word: the form from that word', () => {
    expect(whole('nya styrelsen tilltrader nar 2023')).toBe('nar');
    expect(whole('ordförande ssg vem')).toBe('vem');
    expect(whole('budget ungdomstorget 2024')).toBe('other');
    // "var" is also "was": no form from it.
    expect(whole('beslutet var 2017')).toBe('other');
  });
  test('a condition first: the question after the comma that ends it', () => {
    expect(whole('Om vi vill säga upp avtalet, vad gäller?')).toBe('vad');
    expect(whole('Om kunden har SGI, vem ska vi kontakta?')).toBe('vem');
    // A comma before an aside is not where the question starts.
    expect(whole('Jag undrar om AF kan, när det gäller ekonomi, hjälpa till?')).toBe('yesno');
  });
  test('a clause without a form of its own leaves the whole message its form', () => {
    expect(whole('Kan en 23-åring aktualiseras – till exempel i Umeå?')).toBe('yesno');
    expect(questionClause('När är nästa styrelsemöte?')).toBeUndefined();
    expect(questionClause('Budget 2024')).toBeUndefined();
  });
});

describe('negation scope', () => {
  test('a negated benefit is inside the scope, the rest of the sentence is not', () => {
    expect(negated('Personen har inte sjukpenning men får försörjningsstöd')).toEqual(['sjukpenning']);
  });
  test('varken … eller covers both sides', () => {
    expect(negated('hon har varken sjukpenning eller aktivitetsersättning och bor i Umeå')).toEqual(['sjukpenning eller aktivitetsersattning']);
  });
  test('utan and ingen open a scope', () => {
    expect(negated('en person utan försörjningsstöd')).toEqual(['forsorjningsstod']);
    expect(negated('ingen ersättning alls')).toEqual(['ersattning alls']);
  });
  test('"inte X utan Y" negates X only; a new question verb ends the scope', () => {
    expect(negated('klient som inte bor i Umeå utan i Vännäs, arbetslös med sjukpenning')).toEqual(['bor i umea']);
    expect(negated('utan sjukpenning utan försörjningsstöd')).toEqual(['sjukpenning', 'forsorjningsstod']);
    expect(negated('ingen ersättning alls. Måste regionen förankra?')).toEqual(['ersattning alls']);
  });
  test('no negation, no span', () => {
    expect(negated('Personen har sjukpenning')).toEqual([]);
  });
});

describe('question form after a description', () => {
  test('a question verb before its subject pronoun after a description is a yes/no question', () => {
    expect(form('Arbetslös 45-åring i Umeå med försörjningsstöd – hör hen till Vuxentorget?')).toBe('yesno');
    expect(form('En kvinna på 23 år, bosatt i Umeå – ingår hon i målgruppen?')).toBe('yesno');
    expect(form('Personen har sjukpenning och bor i Vännäs.')).toBe('other');
  });
});

describe('composite parts', () => {
  test('a second question joined by "och" is a part of its own', () => {
    expect(compositeParts('Vem är ordförande i styrelsen och när är nästa möte?')).toEqual(['Vem är ordförande i styrelsen', 'när är nästa möte?']);
  });
  test('two sentences with question marks', () => {
    expect(compositeParts('Vad åtar sig AF? Vem är kontaktperson på FK?')).toEqual(['Vad åtar sig AF?', 'Vem är kontaktperson på FK?']);
  });
  test('"och" inside one question does not split it', () => {
    expect(compositeParts('Vad åtar sig FK och AF i Vuxentorget?')).toEqual(['Vad åtar sig FK och AF i Vuxentorget?']);
    expect(compositeParts('Vilka datum tas delrapport T2 upp 2023 – i SSG respektive styrelsen?')).toEqual(['Vilka datum tas delrapport T2 upp 2023 – i SSG?', 'Vilka datum tas delrapport T2 upp 2023 – i styrelsen?']);
    expect(compositeParts('nar ar delrapport t2 for ssg resp styrelsen 2023')).toEqual(['nar ar delrapport t2 for ssg 2023', 'nar ar delrapport t2 for styrelsen 2023']);
  });
  test('a short first piece shares the predicate of the next: one question, as typed', () => {
    const q = 'Vilket resultat och vilket eget kapital vid årets slut är budgeterat för 2025?';
    expect(compositeParts(q)).toEqual([q]);
    expect(compositeParts('Vilket resultat och vilket eget kapital gäller 2025? När är nästa möte?')).toEqual(['Vilket resultat och vilket eget kapital gäller 2025?', 'När är nästa möte?']);
  });
});

describe('understand', () => {
  test('one value with entities from data, form and negation, and which entities are negated', async () => {
    const data = completeData(await loadData('data'));
    const u = understand(data, 'Kan psykiatrin aktualisera en person som inte har Försäkringskassan som kontakt?', new Date('2023-03-01T10:00:00Z'));
    expect(u.form).toBe('yesno');
    const fk = u.query.entities.find((e) => e.ref.kind === 'party' && /försäkringskassan/iu.test(e.ref.name));
    expect(fk).toBeDefined();
    expect(isNegated(u, fk!)).toBe(true);
    const others = u.query.entities.filter((e) => e !== fk && e.start < fk!.start);
    expect(others.every((e) => !isNegated(u, e))).toBe(true);
    expect(u.parts).toHaveLength(1);
  });
});
