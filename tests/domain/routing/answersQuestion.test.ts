import { beforeAll, describe, expect, test } from '@jest/globals';
import type { Reply } from '../../../src/core/reply.js';
import { loadData, type AgreementData } from '../../../src/data/load.js';
import { completeData } from '../../../src/domain/answers/common.js';
import { answersQuestion, givesFormValue, missedDetails, missedUnits, missedVerksamheter, missedYears, namesPerson } from '../../../src/domain/routing/answersQuestion.js';
import { understand } from '../../../src/understanding/understand.js';

let data: AgreementData;
beforeAll(async () => {
  data = completeData(await loadData('data'));
});
const now = new Date('2026-12-02T12:00:00Z');
const answered = (text: string, facts: Reply['facts'] = []): Reply => ({ text, facts, status: 'answered' });

describe('answersQuestion: an answer must give what the question asks for', () => {
  test('"när" needs a date or a time word, "hur mycket" an amount that is not a year or a section number', () => {
    expect(givesFormValue('nar', answered('Styrelsen beslutar senast 30 november.'))).toBe(true);
    expect(givesFormValue('nar', answered('Styrelsen beslutar om budgeten.'))).toBe(false);
    expect(givesFormValue('hur-mycket', answered('Minst 2 timmar/månad.'))).toBe(true);
    expect(givesFormValue('hur-mycket', answered('Enligt verksamhetsplanen 2014–2016, § 7 och punkt 3.5.1.'))).toBe(false);
    expect(givesFormValue('vad', answered('Vad som helst.'))).toBe(true);
  });

  test('the years the question names must be the answer\'s, its sources\' or inside a range it gives', () => {
    expect(missedYears({ text: 'budget 2026 förbundet vad är planerat' }, answered('Lagd budget från 1 oktober 2021.'))).toEqual(['2026']);
    expect(missedYears({ text: 'Vad var budgeten för 2015?' }, answered('Verksamhetsplan 2014–2016: budget.'))).toEqual([]);
    const sourced: Reply = { ...answered('Styrelsen beslutade om bifall.'), sources: [{ doc: 'x.txt', section: '§ 12', title: 'Protokoll', date: '2017-02-24' }] };
    expect(missedYears({ text: 'Vad beslutade styrelsen 2017?' }, sourced)).toEqual([]);
    expect(answersQuestion(data, understand(data, 'budget 2026 förbundet vad är planerat', now), answered('Lagd budget från 1 oktober 2021.'))).toBe(false);
  });

  test('"hur länge" needs a duration; a related passage beside the answer ("Se även") does not count', () => {
    expect(givesFormValue('hur-lange', answered('Ändringar aviseras minst tre månader i förväg.'))).toBe(true);
    expect(givesFormValue('hur-lange', answered('Avtalet gäller tillsvidare.'))).toBe(true);
    expect(givesFormValue('hur-lange', answered('Giltighet: 2014-2016'))).toBe(false);
    expect(givesFormValue('hur-lange', answered('Giltighet: 2014-2016', [{ label: 'Se även: Arbetsträning', value: 'kan pågå en till sex månader' }]))).toBe(false);
    expect(givesFormValue('hur-lange', answered('Giltighet: 2014-2016', [{ label: 'Arbetsträning', value: 'kan pågå en till sex månader' }]))).toBe(true);
  });

  test('an amount asked per a unit ("per möte") is not answered by a total; "per år" is the tables\' own columns', () => {
    const u = understand(data, 'Hur mycket får en styrelseledamot i arvode per möte?', now);
    expect(u.form).toBe('hur-mycket');
    expect(missedUnits(u.query.tokens, answered('Arvoden till styrelsen: 2023: 300 tkr'))).toEqual(['mote']);
    expect(answersQuestion(data, u, answered('Arvoden till styrelsen: 2023: 300 tkr'))).toBe(false);
    expect(answersQuestion(data, u, answered('Arvodet är 1 000 kr per möte.'))).toBe(true);
    const yearly = understand(data, 'Hur mycket får Vuxentorget per år?', now);
    expect(missedUnits(yearly.query.tokens, answered('Vuxentorget 2023: 2 190 tkr'))).toEqual([]);
  });

  test('"vilken lön", "vad får … i arvode" ask for an amount', () => {
    expect(understand(data, 'Vilken lön har utvecklingsledaren?', now).form).toBe('hur-mycket');
    expect(understand(data, 'vad far ledamoterna i arvode?', now).form).toBe('hur-mycket');
    expect(understand(data, 'vad får man göra på torget?', now).form).toBe('vad');
  });

  test('a verksamhet is named when the answer names the whole it is part of', () => {
    const child = data.verksamheter.find((v) => v.partOf !== undefined);
    const parent = data.verksamheter.find((v) => v.forbund === child?.forbund && v.id === child?.partOf);
    expect(child && parent).toBeTruthy();
    const u = understand(data, `Vem kontaktar jag om en patient i ${child?.name ?? ''}?`, now);
    expect(missedVerksamheter(data, u, answered(`Kontakta koordinatorn (${parent?.name ?? ''}).`))).toEqual([]);
    expect(missedVerksamheter(data, u, answered('Kontakta koordinatorn.'))).not.toEqual([]);
  });

  test('an answer that never names the verksamhet the question names is not an answer to it', () => {
    const u = understand(data, 'Vad är budgeten för Vuxentorget 2023?', now);
    expect(missedVerksamheter(data, u, answered('Summa intäkter 2023: 11 485 tkr.'))).toEqual(['Vuxentorget']);
    expect(answersQuestion(data, u, answered('Vuxentorget 2023: 2 190 tkr.'))).toBe(true);
    expect(answersQuestion(data, u, answered('Summa intäkter 2023: 11 485 tkr.'))).toBe(false);
  });

  test('"vad heter …", "vem är förbundschef" ask for a name: a role described is no answer, a person named is', () => {
    expect(understand(data, 'Vad heter utvecklingsledaren?', now).form).toBe('namn');
    expect(understand(data, 'vem e den nuvarande ordförande', now).form).toBe('namn');
    expect(understand(data, 'Vem är kontaktperson på FK?', now).form).toBe('vem');
    const person = data.forbund.flatMap((f) => f.kansli).find((k) => k.name !== undefined)?.name ?? '';
    expect(person).toMatch(/\s/u);
    const u = understand(data, 'Vem är förbundschef?', now);
    expect(answersQuestion(data, u, answered(`Förbundschef: ${person}.`))).toBe(true);
    expect(answersQuestion(data, u, answered('Förbundschef: Leder och koordinerar förbundets arbete.'))).toBe(false);
  });

  test('a person is two capitalised words that are neither common words nor an organisation\'s name', () => {
    const party = data.parties.find((p) => p.name.split(' ').length === 2 && /^\p{Lu}\S+ \p{Lu}/u.test(p.name));
    const forbund = data.forbund[0]?.name ?? '';
    expect(namesPerson(data, answered('Utvecklingsledare Leder arbetet på uppdrag av styrgruppen.'))).toBe(false);
    expect(namesPerson(data, answered(`${forbund}s kansli: förbundschef och administratör.`))).toBe(false);
    if (party !== undefined) expect(namesPerson(data, answered(`Kontakta ${party.name}.`))).toBe(false);
    expect(namesPerson(data, answered('Utvecklingsledare: Xyzla Qwertsson.'))).toBe(true);
    // A name the document masks is no name.
    expect(namesPerson(data, answered('Förbundschef: Xxxxx Xxxxxxx.'))).toBe(false);
  });

  test('a detail asked for must be there in its shape: who to contact is no telephone number, an address no e-mail', () => {
    const phone = understand(data, 'Vad har utvecklingsledaren för telefonnummer?', now);
    expect(missedDetails(phone, answered('Kontakta utvecklingsledaren på förbundet.'))).toEqual(['telefon']);
    expect(missedDetails(phone, answered('Utvecklingsledaren nås på 090-785 63 10.'))).toEqual([]);
    const mail = understand(data, 'vilken mejladress har myndighetsbrevlådan', now);
    expect(missedDetails(mail, answered('Socialtjänsterna stämmer av via myndighetsbrevlådan.'))).toEqual(['epost']);
    expect(missedDetails(mail, answered('Skriv till brevlada@exempel.se.'))).toEqual([]);
    const orgnr = understand(data, 'Vilket orgnr har förbundet?', now);
    expect(missedDetails(orgnr, answered('Förbundet: 222000-1234.'))).toEqual([]);
    expect(missedDetails(orgnr, answered('Förbundet har sex medlemmar.'))).toEqual(['orgnr']);
    const hours = understand(data, 'Vilka öppettider har torget?', now);
    expect(missedDetails(hours, answered('Torget har intag fyra gånger per år.'))).toEqual(['oppettider']);
    // Money asked "hur mycket": a number that is not money (an address, a count) is not the amount.
    const money = understand(data, 'Hur stor budget hade verksamheten?', now);
    expect(missedDetails(money, answered('Lokaler: Hagaplan 1, våning 2.'))).toEqual(['belopp']);
    expect(missedDetails(money, answered('Budget 2023: 2 190 tkr.'))).toEqual([]);
    // "Hur många …" asks a count, even with a money word.
    expect(missedDetails(understand(data, 'Hur många tjänster finansieras i teamet?', now), answered('5,25 tjänster.'))).toEqual([]);
    // With data: another contact's number listed under the answer is not the number asked for.
    const leader = understand(data, 'Vad har Vuxentorgets utvecklingsledare för telefonnummer?', now);
    const others: Reply = answered('Kontakta utvecklingsledaren för Vuxentorget på förbundet.', [{ label: 'Psykiatriska kliniken', value: 'Rehabiliteringskoordinator (090-785 63 10)' }]);
    expect(missedDetails(leader, others)).toEqual([]);
    expect(missedDetails(leader, others, data)).toEqual(['telefon']);
    expect(missedDetails(leader, answered('Kontakta utvecklingsledaren.', [{ label: 'Vuxentorget', value: 'Utvecklingsledare (090-123 45 67)' }]), data)).toEqual([]);
    // An account number or a password has its shape too: the word alone is none.
    expect(missedDetails(understand(data, 'Vilket bankgironummer har förbundet?', now), answered('Medlemmarnas bidrag: 2 370 tkr.'))).toEqual(['konto']);
    expect(missedDetails(understand(data, 'Vilket bankgironummer har förbundet?', now), answered('Bankgiro 5050-1055.'))).toEqual([]);
    expect(missedDetails(understand(data, 'lösenord till intranätet', now), answered('www.exempel.se – lösen för inloggning krävs.'))).toEqual(['losenord']);
    // A yes/no question about the telephone asks for no number.
    expect(missedDetails(understand(data, 'Betalar förbundet telefon för teamen?', now), answered('Respektive part står för data/telefon.'))).toEqual([]);
  });

  test('an answer from a document about that verksamhet alone is about it, though its text does not name it', () => {
    const agreement = data.agreements.find((a) => a.verksamheter.length === 1);
    const v = data.verksamheter.find((x) => x.forbund === agreement?.forbund && x.id === agreement?.verksamheter[0]);
    expect(v).toBeDefined();
    const u = understand(data, `Hur mycket ersättning får arbetsgivarna för ${v?.name ?? ''}?`, now);
    const bare: Reply = { text: 'Ersättning utgår med totalt maximalt 812 000 kr.', status: 'answered' };
    expect(missedVerksamheter(data, u, bare)).toEqual([v?.name]);
    expect(missedVerksamheter(data, u, { ...bare, sources: [{ doc: agreement?.source.doc ?? '', section: '§ 10' }] })).toEqual([]);
  });

  test('replies that are not answers are not judged here', () => {
    const u = understand(data, 'När är nästa möte?', now);
    expect(answersQuestion(data, u, { text: 'Det står inte.', status: 'not-stated' })).toBe(true);
  });
});

describe('values said in other shapes', () => {
  test('"hur länge gäller" is answered by a date range; "hur många" by a count in words', () => {
    expect(givesFormValue('hur-lange', answered('Överenskommelsen gäller från och med 2023-01-01 till 2023-12-31.'))).toBe(true);
    expect(givesFormValue('hur-lange', answered('Överenskommelsen beslutades av styrelsen.'))).toBe(false);
    expect(givesFormValue('hur-mycket', answered('Socialtjänsten representeras av tre handläggare.'))).toBe(true);
    expect(givesFormValue('hur-mycket', answered('Socialtjänsten representeras av handläggare.'))).toBe(false);
  });
});

describe('articles are no counts', () => {
  test('"ett förutbestämt antal" does not answer "hur många"', () => {
    expect(givesFormValue('hur-mycket', answered('Varje myndighet har ett förutbestämt antal platser.'))).toBe(false);
  });
});

describe('a frequency is a frequency, not a period word', () => {
  test('"hur ofta" is answered by "var tredje månad", "varje vecka", "två gånger per år" – not by a sentence with "är" or "år" alone', () => {
    const r = (text: string): Reply => ({ text, status: 'answered' });
    expect(givesFormValue('hur-ofta', r('Uppföljningen sker minst var tredje månad.'))).toBe(true);
    expect(givesFormValue('hur-ofta', r('Styrgruppen sammanträder var 6:e vecka.'))).toBe(true);
    expect(givesFormValue('hur-ofta', r('Rapporten lämnas två gånger per år.'))).toBe(true);
    expect(givesFormValue('hur-ofta', r('Handlingsplanen är skriftlig och följs upp av ärendebäraren.'))).toBe(false);
    expect(givesFormValue('hur-ofta', r('Överenskommelsen gäller ett år i taget.'))).toBe(false);
  });
});

describe('a clock time and a name are details of their own', () => {
  test('"vilket klockslag …?" is not answered by "förmiddag"; "kl. 08:15" answers it', () => {
    const u = understand(data, 'Vilket klockslag börjar styrelsemötet den 7 april 2023?', now);
    expect(missedDetails(u, answered('fredag 7 april 2023, förmiddag – Styrelsemöte.'))).toEqual(['klockslag']);
    expect(missedDetails(u, answered('fredag 7 april 2023, kl. 08:15–12:00 – Styrelsemöte.'))).toEqual([]);
    expect(missedDetails(understand(data, 'hur dags börjar mötet?', now), answered('Mötet är på förmiddagen.'))).toEqual(['klockslag']);
  });

  test('"…, namn?" asks for a name, and "Kontakta Avdelningschef …" names nobody', () => {
    expect(understand(data, 'af: vem är vår utsedda arbetsförmedlare mot frivården i umeå, namn?', now).form).toBe('namn');
    expect(namesPerson(data, answered('Kontakta Avdelningschef på Ungdoms- och vuxenhabiliteringen.'))).toBe(false);
    expect(namesPerson(data, answered('Projektledare är Karin Rönnlund, personalstrateg.'))).toBe(true);
  });
});

describe('a duration question is no fit question, no tertial figure and no validity unless it is the agreement\'s', () => {
  test('"hur länge får en deltagare vara inskriven på X?" is routed to none of them', async () => {
    const { aktualiseringScore } = await import('../../../src/domain/aktualisering/recognize.js');
    const { lexiconFor } = await import('../../../src/domain/aktualisering/extract.js');
    const { malgruppTopics } = await import('../../../src/domain/answers/malgrupp.js');
    const t = 'Hur länge får en deltagare vara inskriven på Vuxentorget?';
    expect(aktualiseringScore(understand(data, t, now), lexiconFor(data))).toBe(0);
    expect(malgruppTopics(understand(data, t, now).query)).not.toContain('giltighet');
    expect(malgruppTopics(understand(data, 'hur länge gäller överenskommelsen för Vuxentorget?', now).query)).toContain('giltighet');
    expect(malgruppTopics(understand(data, 'hur länge löper uppdragsavtalet?', now).query)).toContain('giltighet');
  });
});
