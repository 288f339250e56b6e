import { beforeAll, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { loadData, type AgreementData } from '../../../src/data/load.js';
import type { Benefit, ReferringParty } from '../../../src/data/schema.js';
import { understand } from '../../../src/understanding/understand.js';
import { caseReply, detectIntent } from '../../../src/domain/aktualisering/answer.js';
import { evaluate } from '../../../src/domain/aktualisering/engine.js';
import { mergeFacts, type CaseFacts } from '../../../src/domain/aktualisering/facts.js';
import { extractFacts, lexiconFor } from '../../../src/domain/aktualisering/extract.js';

let data: AgreementData;
beforeAll(async () => {
  data = await loadData(join(process.cwd(), 'data'));
});

const facts = (f: Partial<CaseFacts>): CaseFacts => mergeFacts({ unknown: [] }, f);

const FK = 'förankra med Försäkringskassan';
const SOC = 'förankra med socialtjänstens försörjningsstödshandläggare';
const AF_CLOSE = 'Om individen bedöms stå nära arbetsmarknaden: Socialtjänsten stämmer av med Arbetsförmedlingen';
const AF_GK = 'Försäkringskassan stämmer av med Arbetsförmedlingen';
const ETAB = 'stämmer av med Arbetsförmedlingen (sammankallande i samverkansgruppen för etablering)';
const KV = 'Kriminalvården stämmer av med Arbetsförmedlingens utsedda arbetsförmedlare';
const NONE = 'Bilaga 3 anger ingen förankring';
const ALL_MARKERS = [FK, SOC, AF_CLOSE, AF_GK, ETAB, KV, NONE];

const BENEFITS: Benefit[] = [
  'sjukpenning', 'aktivitetsersattning', 'forsorjningsstod', 'etableringsersattning',
  'sjukersattning-hel', 'sjukersattning-partiell', 'a-kassa-aktivitetsstod', 'ingen',
];

/**
 * What Bilaga 3 (Överenskommelse 2023) says for each referring party and benefit: the förankring /
 * avstämning lines that must appear; every other marker must not. Etableringsersättning adds the
 * etableringsprogram's own samverkan whoever refers.
 */
function expected(party: ReferringParty, benefit: Benefit): string[] {
  const etab = benefit === 'etableringsersattning' ? [ETAB] : [];
  switch (party) {
    case 'region':
      if (benefit === 'sjukpenning' || benefit === 'aktivitetsersattning') return [FK];
      if (benefit === 'forsorjningsstod') return [SOC];
      return etab.length > 0 ? etab : [NONE];
    case 'socialtjanst':
      return [AF_CLOSE, ...etab];
    case 'forsakringskassan':
      if (benefit === 'sjukpenning' || benefit === 'aktivitetsersattning') return [AF_GK];
      return etab.length > 0 ? etab : [NONE];
    case 'arbetsformedlingen':
    case 'kaa':
      return etab.length > 0 ? etab : [NONE];
    case 'kriminalvard':
      return [KV, ...etab];
    case 'etableringsprogrammet':
      return [ETAB];
    default:
      throw new Error(`no expectation for ${party}`);
  }
}

const PARTIES: ReferringParty[] = ['region', 'socialtjanst', 'forsakringskassan', 'arbetsformedlingen', 'kaa', 'kriminalvard', 'etableringsprogrammet'];
const TABLE = PARTIES.flatMap((party) => BENEFITS.map((benefit) => [party, benefit] as const));

describe('förankring per referring party × benefit (Bilaga 3)', () => {
  test.each(TABLE)('%s with %s', (party, benefit) => {
    const result = evaluate(facts({ referringParty: party, benefits: [benefit] }), data);
    const text = result.forankring.map((l) => l.text).join('\n');
    const want = expected(party, benefit);
    for (const marker of want) expect(text).toContain(marker);
    for (const marker of ALL_MARKERS.filter((m) => !want.includes(m))) expect(text).not.toContain(marker);
    for (const line of [...result.forankring, ...result.paths]) expect(line.sources.length).toBeGreaterThan(0);
    expect(result.paths.length).toBeGreaterThan(0);
    expect(result.missing).not.toContain('benefits');
  });

  test('two benefits give both förankringar (region: sjukpenning and försörjningsstöd)', () => {
    const text = evaluate(facts({ referringParty: 'region', benefits: ['sjukpenning', 'forsorjningsstod'] }), data).forankring.map((l) => l.text).join('\n');
    expect(text).toContain(FK);
    expect(text).toContain(SOC);
  });

  test('region with sjukpenning: paths are direkt to Arbetsmarknadstorgen or Gemensam kartläggning FK+AF', () => {
    const paths = evaluate(facts({ referringParty: 'region', benefits: ['sjukpenning'] }), data).paths.map((l) => l.text).join('\n');
    expect(paths).toContain('Aktualisering direkt till Arbetsmarknadstorgen');
    expect(paths).toContain('Gemensam kartläggning Försäkringskassan och Arbetsförmedlingen');
  });

  test('unknown benefit: every benefit rule as a condition, "beror på" and the benefit is asked for', () => {
    for (const benefits of [undefined, ['okand'] as Benefit[]]) {
      const result = evaluate(facts({ referringParty: 'region', benefits }), data);
      const text = result.forankring.map((l) => l.text).join('\n');
      expect(text).toContain('Om personen har sjukpenning eller aktivitetsersättning');
      expect(text).toContain('Om personen har försörjningsstöd');
      expect(result.dependsOn.map((d) => d.text).join(' ')).toContain('vilken ersättning');
    }
    expect(evaluate(facts({ referringParty: 'region' }), data).missing[0]).toBe('benefits');
  });

  test('unknown referring party: the general rules of every party, then the party is asked for', () => {
    const result = evaluate(facts({}), data);
    const text = result.forankring.map((l) => l.text).join('\n');
    expect(text).toContain('Regionen: vid sjukpenning eller aktivitetsersättning förankra med Försäkringskassan; vid försörjningsstöd förankra med socialtjänstens försörjningsstödshandläggare');
    expect(result.missing[0]).toBe('referringParty');
  });

  test('the home municipality names the socialtjänst to förankra with', () => {
    const text = evaluate(facts({ referringParty: 'region', benefits: ['forsorjningsstod'], municipality: 'Vännäs' }), data).forankring[0]?.text;
    expect(text).toContain('socialtjänstens försörjningsstödshandläggare i Vännäs');
  });

  test('a contact from contacts.json where one fits (AF myndighetsbrevlåda for socialtjänstens avstämning)', () => {
    const text = evaluate(facts({ referringParty: 'socialtjanst', benefits: ['forsorjningsstod'] }), data).forankring.map((l) => l.text).join('\n');
    expect(text).toContain('Kontakt: Myndighetsbrevlåda');
    const region = evaluate(facts({ referringParty: 'region', benefits: ['sjukpenning'] }), data).forankring.map((l) => l.text).join('\n');
    expect(region).not.toContain('Myndighetsbrevlåda');
  });
});

describe('samtycke is checked, and said after the short answer unless it is missing', () => {
  const cases: [boolean | undefined, string, string][] = [
    [undefined, 'unknown', 'Först samtycke'],
    [true, 'given', 'Samtycke finns'],
    [false, 'missing', 'utan samtycke får inga uppgifter om personen delas'],
  ];
  test.each(cases)('consent %s', (consent, status, text) => {
    const f = facts({ referringParty: 'region', benefits: ['sjukpenning'], consent });
    const result = evaluate(f, data);
    expect(result.consent.status).toBe(status);
    expect(result.consent.sources[0]?.section).toContain('Bilaga 3');
    const reply = caseReply(f, 'forankring', data).reply.text;
    // Answer first: the short answer opens the reply; missing consent is the answer itself.
    if (status === 'missing') expect(reply.startsWith(result.consent.text)).toBe(true);
    else expect(reply.startsWith('Regionen ska förankra med Försäkringskassan')).toBe(true);
    expect(reply).toContain(result.consent.text);
    expect(reply).not.toMatch(/^Kort svar/u);
    expect(reply).toContain(text);
  });

  test('consent is asked last when unknown, never when known', () => {
    expect(evaluate(facts({ referringParty: 'region', benefits: ['sjukpenning'] }), data).missing).toEqual(['consent']);
    expect(evaluate(facts({ referringParty: 'region', benefits: ['sjukpenning'], consent: true }), data).missing).toEqual([]);
  });
});

describe('målgrupp limits read from verksamheter.json', () => {
  const fit = (f: Partial<CaseFacts>) => evaluate(facts(f), data).fit;

  const vuxentorget: [number, string][] = [[24, 'nej'], [25, 'ja'], [64, 'ja'], [65, 'nej']];
  test.each(vuxentorget)('Vuxentorget, %i år bosatt i Umeå → %s', (age, verdict) => {
    const result = fit({ verksamhet: 'vuxentorget', age, municipality: 'Umeå' });
    expect(result?.verdict).toBe(verdict);
    expect(result?.checks.find((c) => c.text.startsWith('Ålder'))?.text).toContain('25–64 år');
    expect(result?.checks[0]?.sources.map((s) => s.section)).toEqual(expect.arrayContaining(['6. Vuxentorget\'s målgrupper', '4. Beskrivning av Vuxentorget']));
  });

  test('a målgrupp condition the question states is checked: "inte arbetslös" does not fit, "arbetslös" does', () => {
    const lexicon = lexiconFor(data);
    const employed = extractFacts('45 år, bor i Umeå, har anställning och är alltså inte arbetslös', lexicon);
    const notFit = fit({ ...employed, verksamhet: 'vuxentorget' });
    expect(notFit?.verdict).toBe('nej');
    expect(notFit?.checks.some((c) => c.ok === false && /Arbetslös/u.test(c.text))).toBe(true);
    const unemployed = fit({ ...extractFacts('45 år, arbetslös, bor i Umeå', lexicon), verksamhet: 'vuxentorget' });
    expect(unemployed?.verdict).toBe('ja');
    expect(unemployed?.toAssess.map((l) => l.text)).not.toContain('Arbetslös');
    // Unstated, it stays for the handläggare to judge.
    expect(fit({ verksamhet: 'vuxentorget', age: 45, municipality: 'Umeå' })?.toAssess.map((l) => l.text)).toContain('Arbetslös');
  });

  test('Vuxentorget at 25 notes the wording "äldre än 25 år"', () => {
    expect(fit({ verksamhet: 'vuxentorget', age: 25 })?.checks[0]?.text).toContain('äldre än 25 år');
  });

  test('Vuxentorget: residence outside Umeå does not fit; unknown residence depends', () => {
    expect(fit({ verksamhet: 'vuxentorget', age: 40, municipality: 'Vännäs' })?.verdict).toBe('nej');
    const unknown = evaluate(facts({ verksamhet: 'vuxentorget', age: 40 }), data);
    expect(unknown.fit?.verdict).toBe('beror-pa');
    expect(unknown.missing).toContain('municipality');
  });

  test('a 23-year-old: no, with the verksamheter whose limits fit instead', () => {
    const result = fit({ verksamhet: 'vuxentorget', age: 23, municipality: 'Umeå' });
    expect(result?.verdict).toBe('nej');
    // Offered in stead only on limits of its own: a verksamhet whose limits are the agreement's (ageFromAgreement) is not.
    const offered = result?.alternatives.map((a) => a.text).join(' ') ?? '';
    expect(offered).toContain('Arbetsmarknadstorgen');
    expect(offered).not.toContain('Ungdomstorget');
  });

  const FINNVEDEN = { verksamhet: 'samverkansteam-finnveden', municipality: 'Värnamo', substanceAbuse: false, obstacles: false, benefits: ['aktivitetsersattning'] as Benefit[] };

  const finnveden: [number, string][] = [[15, 'nej'], [16, 'ja'], [64, 'ja'], [65, 'nej']];
  test.each(finnveden)('Samverkansteam Finnveden, %i år → %s', (age, verdict) => {
    expect(fit({ ...FINNVEDEN, age })?.verdict).toBe(verdict);
  });

  const exclusions: [Partial<CaseFacts>, string][] = [
    [{ benefits: ['sjukersattning-hel'] as Benefit[] }, 'nej'],
    [{ benefits: ['sjukersattning-partiell'] as Benefit[] }, 'ja'],
    [{ benefits: ['sjukersattning'] as Benefit[] }, 'beror-pa'],
    [{ substanceAbuse: true }, 'nej'],
    [{ substanceAbuse: undefined }, 'beror-pa'],
    [{ obstacles: true }, 'nej'],
    [{ municipality: 'Umeå' }, 'nej'],
    [{ municipality: 'Gnosjö' }, 'ja'],
  ];
  test.each(exclusions)('Samverkansteam Finnveden exclusions and residence: %o → %s', (change, verdict) => {
    expect(fit({ ...FINNVEDEN, age: 30, ...change })?.verdict).toBe(verdict);
  });

  test('Finnveden: two authorities needed is listed to assess, with its source', () => {
    const result = fit({ ...FINNVEDEN, age: 30 });
    expect(result?.toAssess.map((a) => a.text).join(' ')).toContain('minst två myndigheters samverkan');
    expect(result?.toAssess[0]?.sources[0]?.doc).toBe('003_fdfb40ca13636d16.txt');
  });

  test('Finnveden has no förankring rules: the answer says so and gives the målgrupp', () => {
    const result = evaluate(facts({ verksamhet: 'samverkansteam-finnveden', age: 30 }), data);
    expect(result.forbund).toBe('finnveden');
    expect(result.forankring[0]?.text).toContain('beskriver ingen förankring');
    expect(result.missing).toEqual(expect.arrayContaining(['municipality', 'substanceAbuse', 'obstacles', 'benefits']));
  });

  test('KAA: the age limit 16–19 år is shown and checked', () => {
    const notes = evaluate(facts({ referringParty: 'kaa', age: 21 }), data).process.map((n) => n.text).join(' ');
    expect(notes).toContain('16–19 år');
    expect(notes).toContain('ryms inte');
  });
});

describe('a rule condition the question states decides the rule', () => {
  test('"bedöms stå nära arbetsmarknaden" makes the avstämning definite; "står inte nära" leaves it out', () => {
    const lexicon = lexiconFor(data);
    const condition = lexicon.conditions.find((c) => c.stems.some((s) => s.startsWith('arbetsmark')));
    expect(condition).toBeDefined();
    const close = extractFacts('socialsekreterare, min klient bedöms stå nära arbetsmarknaden', lexicon);
    expect(close.conditions?.[condition?.text ?? '']).toBe(true);
    expect(close.referringParty).toBeDefined();
    const far = extractFacts('socialsekreterare, klienten står inte nära arbetsmarknaden', lexicon);
    expect(far.conditions?.[condition?.text ?? '']).toBe(false);

    const stated = evaluate(facts(close), data);
    expect(stated.summary).toMatch(/^Kort svar: Socialtjänsten ska stämma av med Arbetsförmedlingen innan aktualisering/u);
    expect(stated.dependsOn.map((d) => d.text)).not.toContain(condition?.text);
    const open = evaluate(facts({ referringParty: close.referringParty }), data);
    expect(open.summary).toMatch(/beror det på om individen bedöms stå nära arbetsmarknaden/u);
    const notClose = evaluate(facts(far), data);
    expect(notClose.forankring.map((l) => l.text).join('\n')).not.toContain(AF_CLOSE);
  });
});

describe('the question clause says what is asked', () => {
  test('a case told first, then "passar hen i målgruppen?": a fit question even though the referrer is named', () => {
    const lexicon = lexiconFor(data);
    const text = 'Jag är socialsekreterare i Umeå. Klienten är 45 år och arbetslös. Passar hen in i Vuxentorgets målgrupp?';
    const f = extractFacts(text, lexicon);
    expect(f.referringParty).toBeDefined();
    expect(detectIntent(understand(data, text, new Date()), f, data).intent).toBe('fit');
    const forankring = 'Jag är socialsekreterare. Klienten är 45 år. Vem ska jag förankra med innan aktualisering till Vuxentorget?';
    expect(detectIntent(understand(data, forankring, new Date()), extractFacts(forankring, lexicon), data).intent).toBe('forankring');
  });
});
