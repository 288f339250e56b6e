import { beforeAll, describe, expect, test } from '@jest/globals';
import type { Reply } from '../../../src/core/reply.js';
import { loadData, type AgreementData } from '../../../src/data/load.js';
import { completeData } from '../../../src/domain/answers/common.js';
import { answerFirst } from '../../../src/domain/routing/answerFirst.js';
import { questionForm } from '../../../src/understanding/form.js';
import { normalize } from '../../../src/domain/text.js';

let data: AgreementData;
beforeAll(async () => {
  data = completeData(await loadData('data'));
});

const first = (r: Reply) => r.text.split('\n')[0];
const form = (q: string) => questionForm(normalize(q).split(' '), q.includes('?'));

describe('answerFirst: the line that answers goes first', () => {
  const table: Reply = {
    text: 'Budget 2023–2025 (tkr):',
    facts: [
      { label: 'Summa intäkter', value: '2023: 11 485 tkr' },
      { label: 'Kansli och styrelse', value: '2023: 3 035 tkr' },
    ],
    status: 'answered',
  };

  test('an opening line that gives what the form asks for is not replaced by a fact that does not', () => {
    const q = 'Hur ofta träffas Steget vidares styrgrupp?';
    const reply: Reply = {
      text: 'Styrgruppen sammanträder var 6:e vecka.',
      facts: [{ label: 'Åtagande – Samordningsförbundet, Steget vidare', value: 'Förbundschefen sitter i Steget vidares styrgrupp.' }],
      status: 'answered',
    };
    expect(first(answerFirst(data, q, 'hur-ofta', reply))).toBe('Styrgruppen sammanträder var 6:e vecka.');
  });

  test('a count header that goes on to name the first item answers "vad"; for a yes/no question it is still a header', () => {
    const reply: Reply = {
      text: 'Åtaganden för Arbetsförmedlingen i Vuxentorget (17 st). Bland annat: Bistår med expertkunskap inom arbetsmarknad.',
      facts: [{ label: 'Åtagande – Arbetsförmedlingen, Vuxentorget', value: 'Arbetsförmedlingen representeras av personer i ledningsfunktion i Vuxentorgets styrgrupp.' }],
      status: 'answered',
    };
    const q = 'Vad har Arbetsförmedlingen åtagit sig i Vuxentorget?';
    expect(first(answerFirst(data, q, 'vad', reply))).toMatch(/^Åtaganden för Arbetsförmedlingen/u);
    expect(first(answerFirst(data, 'Är Arbetsförmedlingen representerad i Vuxentorgets styrgrupp?', 'yesno', reply))).toMatch(/^Arbetsförmedlingen representeras/u);
  });

  test('for "vem" the fact keeps its label: the role is the answer', () => {
    const q = 'Vem leder det dagliga arbetet på Vuxentorget?';
    const reply: Reply = {
      text: 'Vuxentorget:',
      facts: [{ label: 'Utvecklingsledare och processledare', value: 'Leder arbetet på Vuxentorget på uppdrag av styrgruppen.' }],
      status: 'answered',
    };
    expect(first(answerFirst(data, q, 'vem', reply))).toMatch(/^Utvecklingsledare och processledare: Leder arbetet/u);
  });

  test('an item the reply lists in its own text answers first; a header over that one item alone gives way to it', () => {
    const q = 'När har SSG delrapport T2?';
    const one: Reply = { text: 'Senast i dokumenten:\n• fredag 13 oktober 2023 (2023-10-13) – SSG: Delrapport T2', status: 'answered' };
    expect(answerFirst(data, q, form(q), one).text).toBe('fredag 13 oktober 2023 (2023-10-13) – SSG: Delrapport T2.');
    const two: Reply = { text: 'Möten i oktober:\n• 2023-10-06 – Planeringsdag\n• 2023-10-13 – SSG: Delrapport T2', status: 'answered' };
    const out = answerFirst(data, q, form(q), two);
    expect(first(out)).toBe('2023-10-13 – SSG: Delrapport T2.');
    expect(out.text).toContain('• 2023-10-06 – Planeringsdag');
  });

  test('a header opening gives way to the fact the question asks for, nothing removed', () => {
    const q = 'Vad kostar kansli och styrelse 2023?';
    const out = answerFirst(data, q, form(q), table);
    expect(first(out)).toBe('Kansli och styrelse 2023: 3 035 tkr.');
    expect(out.text).toContain('Budget 2023–2025 (tkr):');
    expect(out.facts).toEqual(table.facts);
  });

  test('an opening line that already answers stays first', () => {
    const reply: Reply = { ...table, text: 'Kansli och styrelse kostar 3 035 tkr 2023.' };
    const q = 'Vad kostar kansli och styrelse 2023?';
    expect(answerFirst(data, q, form(q), reply)).toBe(reply);
  });

  test('related passages ("Se även") and replies that are not answers are left as they are', () => {
    const related: Reply = { text: 'Rubrik:', facts: [{ label: 'Se även: Kansli och styrelse', value: '2023: 3 035 tkr' }], status: 'answered' };
    const q = 'Vad kostar kansli och styrelse 2023?';
    expect(answerFirst(data, q, form(q), related)).toBe(related);
    const asking: Reply = { ...table, status: 'needs-input' };
    expect(answerFirst(data, q, form(q), asking)).toBe(asking);
  });

  test('a fact that is a sentence of its own opens without its record label', () => {
    const reply: Reply = {
      text: 'Åtaganden för Arbetsförmedlingen (2 st):',
      facts: [
        { label: 'Överenskommelse 2020, Vuxentorget', value: 'Bistår med expertkunskap inom arbetsmarknad och rehabilitering.' },
        { label: 'Överenskommelse 2020, Vuxentorget', value: 'Planerar och följer upp insatser för kunder vars fastställda arbetsförmåga uppgår till minst 10 timmar/vecka.' },
      ],
      status: 'answered',
    };
    const q = 'Planerar AF insatser för den som har arbetsförmåga 5 timmar i veckan?';
    // A verb first is a yes/no question: 5 timmar against "minst 10 timmar" decides it.
    expect(first(answerFirst(data, q, form(q), reply))).toBe(`Nej – ${reply.facts?.[1]?.value ?? ''}`);
  });
});

describe('current first: a newer document\'s fact of the same label leads', () => {
  test('the best-matching older fact gives way to the newest, which is said first with the older after it, dated', async () => {
    const { loadData } = await import('../../../src/data/load.js');
    const { completeData } = await import('../../../src/domain/answers/common.js');
    const { answerFirst } = await import('../../../src/domain/routing/answerFirst.js');
    const data = completeData(await loadData('data'));
    const reply = {
      text: 'Åtaganden för Försäkringskassan i Vuxentorget (2 st):',
      status: 'answered' as const,
      facts: [
        { label: 'Bemanning Vuxentorget', value: 'Försäkringsutredare – bemannas av försäkringsutredare.', asOf: { date: '2022-11-25', title: 'Överenskommelse 2023' } },
        { label: 'Bemanning Vuxentorget', value: 'Personliga handläggare – Vuxentorget bemannas av personliga handläggare.', asOf: { date: '2020-01-24', title: 'Överenskommelse Vuxentorget 2020' } },
      ],
    };
    const first = answerFirst(data, 'bemannar fk vuxentorget med personliga handläggare?', 'yesno', reply).text.split('\n')[0] ?? '';
    expect(first).toMatch(/^(?:Bemanning Vuxentorget: )?Försäkringsutredare/u);
    expect(first).toMatch(/Äldre uppgift – Överenskommelse Vuxentorget 2020: Personliga handläggare/u);
  });
});

describe('answerFirst: a long passage gives its answering sentence, not its opening', () => {
  test('the sentence that says how often is the headline, with its label when it cannot stand alone', () => {
    const q = 'hur ofta ska handlingsplanen följas upp när nån fått ja på torget';
    const reply: Reply = {
      text: 'Så går det till på Arbetsmarknadstorgen:',
      facts: [{
        label: 'Uppföljning',
        value: 'När en person fått ja till samverkan vid beredningen klargörs roller och ansvar. Vid uppstart får personen en skriftlig handlingsplan med mål. Uppföljningen av planen sker minst var tredje månad. Arbetssätt och rutiner finns på intranätet.',
      }],
      status: 'answered',
    };
    const line = first(answerFirst(data, q, 'hur-ofta', reply));
    expect(line).toMatch(/^Uppföljningen av planen sker minst var tredje månad\./u);
    expect(line).not.toMatch(/När en person fått ja/u);
    // Nothing is removed: the passage stays among the facts.
    expect(answerFirst(data, q, 'hur-ofta', reply).facts).toEqual(reply.facts);
  });

  test('a list inside one sentence stays whole ("a; b; c")', () => {
    const q = 'vilka insatser bidrar viva arbetsmarknad med på vuxentorget';
    const reply: Reply = {
      text: 'Åtaganden:',
      facts: [{ label: 'Viva arbetsmarknad', value: 'Viva är en del av Umeå kommun. De insatser som Viva arbetsmarknad bidrar med är: arbetsprövning; motiverande samtal; supported employment.' }],
      status: 'answered',
    };
    expect(first(answerFirst(data, q, 'vad', reply))).toContain('arbetsprövning; motiverande samtal; supported employment.');
  });
});
