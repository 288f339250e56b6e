/**
 * Spot checks of curated facts from 002 (Umeåregionen styrelse 2017), 003 (Uppdragsavtal Samverkansteam
 * Finnveden 2021–2022) and 004 (Verksamhetsplan Steget vidare 2.0): each asserts the exact value in data/
 * and the document and section it is sourced to.
 */
import { loadData, type AgreementData } from '../../src/data/load.js';
import type { KindName, Loaded } from '../../src/data/schema.js';

const D002 = '002_fbf17afc9ce55389.txt';
const D003 = '003_fdfb40ca13636d16.txt';
const D004 = '004_fea4b513909a0730.txt';

let data: AgreementData;

beforeAll(async () => {
  data = await loadData('data');
});

function get<K extends KindName>(kind: K, forbund: string, id: string): Loaded<K> {
  const found = (data[kind] as unknown as Loaded<K>[]).find((r) => r.forbund === forbund && r.id === id);
  if (!found) throw new Error(`${kind} ${forbund}/${id} saknas`);
  return found;
}

const finnvedenAvtal = () => get('agreements', 'finnveden', 'uppdragsavtal-samverkansteam-finnveden-2021');
const finnvedenTeam = () => get('verksamheter', 'finnveden', 'samverkansteam-finnveden');
const stegetVidare = () => get('verksamheter', 'umearegionen', 'steget-vidare');
const vpSteget = () => get('agreements', 'umearegionen', 'verksamhetsplan-steget-vidare-2014');

describe('003 Uppdragsavtal Samverkansteam Finnveden 2021–2022', () => {
  it('målgrupp: 16–64 år, 16–29 prioriterade, bosatta i Gislaved, Gnosjö, Värnamo, minst två myndigheter', () => {
    const m = finnvedenTeam().malgrupp[0]!;
    expect([m.ageMin, m.ageMax]).toEqual([16, 64]);
    expect(m.prioritisedAge).toEqual({ min: 16, max: 29 });
    expect(m.residence).toEqual(['Gislaved', 'Gnosjö', 'Värnamo']);
    expect(m.minAuthorities).toBe(2);
    expect(m.source).toEqual({ doc: D003, section: '§ 3 Målgrupp' });
  });

  it('exclusions keep the redacted abuse clause verbatim and the hel sjukersättning clause', () => {
    const m = finnvedenTeam().malgrupp[0]!;
    expect(m.exclusions).toContain('Xxxxx aktivt missbruk som påverkar rehabiliteringsprocessen.');
    expect(m.exclusions).toContain('Målgruppen innefattar inte personer med hel sjukersättning.');
    expect(m.exclusions).toContain('Det finns inte några hinder medicinskt eller socialt att påbörja arbetsförberedande/ arbetslivsinriktade insatser.');
    expect(m.note).toContain('Inget aktivt missbruk som påverkar rehabiliteringsprocessen.');
  });

  it('measurable goals are 50 %, 75 % and 85 % (§ 4)', () => {
    const goals = finnvedenAvtal().goals;
    expect(goals.map((g) => g.target)).toEqual(['50%', '75%', '85%']);
    expect(goals[0]!.text).toContain('enligt verktyget SKAPA');
    for (const g of goals) expect(g.source).toEqual({ doc: D003, section: '§ 4 Verksamhetens mål' });
  });

  it('payment: max 812.000 kr for 2021 and 3.048.000 kr for 2022, paid every second month in arrears (§ 10)', () => {
    const p = finnvedenAvtal().payment!;
    expect(p.text).toContain('totalt maximalt 812.000kr för 2021 och 3.048.000kr för 2022');
    expect(p.text).toContain('varannan månad i efterskott');
    expect(p.text).toContain('Beloppen är inte momspliktiga.');
    expect(p.source).toEqual({ doc: D003, section: '§ 10 Ersättning' });
  });

  it('renegotiation announced at least one month ahead; notice three months (§ 12)', () => {
    const a = finnvedenAvtal();
    expect(a.renegotiation!.text).toContain('aviseras minst en månad i förväg');
    expect(a.notice!.text).toContain('säga upp avtalet med tre månaders varsel');
    expect(a.notice!.source).toEqual({ doc: D003, section: '§ 12 Omförhandling' });
  });

  it('the ansökan was handled by the styrelse 210621 and the parties are the förbund and five arbetsgivare', () => {
    const a = finnvedenAvtal();
    expect(a.decided?.date).toBe('2021-06-21');
    expect(a.parties).toEqual(['finnvedens-samordningsforbund', 'forsakringskassan', 'region-jonkopings-lan', 'gislaveds-kommun', 'gnosjo-kommun', 'varnamo-kommun']);
    expect(get('organs', 'finnveden', 'styrelse').source).toEqual({ doc: D003, section: '§ 2 Uppdragets omfattning och art' });
  });

  it('signatures: förbundschef 2021-11-25, Försäkringskassan last on 2021-11-30', () => {
    const s = finnvedenAvtal().signatories;
    expect(s.find((x) => x.party === 'finnvedens-samordningsforbund')).toMatchObject({ role: 'Förbundschef, Finnvedens samordningsförbund', date: '2021-11-25' });
    expect(s.find((x) => x.party === 'forsakringskassan')?.date).toBe('2021-11-30');
    expect(s.find((x) => x.party === 'varnamo-kommun')?.note).toContain('15:58:22');
  });

  it('reporting: SUS by FK staff, Indikatorenkäter in september-oktober (§ 8)', () => {
    const r = finnvedenAvtal().reporting;
    const enk = r.find((x) => x.what === 'Indikatorenkäter')!;
    expect(enk.text).toContain('till pågående deltagare i september-oktober');
    expect(enk.source).toEqual({ doc: D003, section: '§ 8 Uppföljning/utvärdering' });
    const fk = get('commitments', 'finnveden', 'fk-sus-registrering');
    expect(fk.text).toContain('Huvudansvariga för registreringarna i SUS är verksamhetens medarbetare från Försäkringskassan.');
    expect(fk.source.section).toBe('§ 8 Uppföljning/utvärdering');
  });

  it('beredningsgruppen is the styrgrupp until otherwise decided', () => {
    const o = get('organs', 'finnveden', 'beredningsgrupp');
    expect(o.description).toBe('Tills annat beslutas utgör förbundets beredningsgrupp styrgrupp för verksamheten.');
    expect(o.source).toEqual({ doc: D003, section: '§ 8 Uppföljning/utvärdering' });
  });

  it('staffing: 6 årsarbetare in the wished model, Gnosjö AME+fst 75 % and 5,25 financed posts', () => {
    const st = finnvedenTeam().staffing;
    expect(st.find((x) => x.role === 'Totalt')).toMatchObject({ amount: '6 årsarbetare', source: { doc: D003, section: 'Bilaga 1, Ansökan – Bemanning och styrning' } });
    expect(st.find((x) => x.role === 'Coach (Gnosjö AME+fst)')?.amount).toBe('75%');
    expect(st.find((x) => x.role === 'Totalt (finansierade tjänster)')).toMatchObject({ amount: '5,25 tjänst', source: { doc: D003, section: 'Bilaga 2, Budget och bemanning (uppdat 211111)' } });
  });

  it('the ansökan asks 2.948.000 kr for 2023 and sets inskrivningstid max 1 år', () => {
    const a = get('agreements', 'finnveden', 'ansokan-samverkansteam-finnveden-2021');
    expect(a.payment!.text).toContain('för år 2023 2.948.000kr');
    expect(a.payment!.source).toEqual({ doc: D003, section: 'Bilaga 1, Ansökan – Ekonomiska resurser' });
    expect(a.otherRules.find((r) => r.topic === 'Inskrivningstid')?.text).toContain('Inskrivningstid max 1 år');
  });

  it('no org numbers are curated because the document prints none', () => {
    const parties = data.parties.filter((p) => p.forbund === 'finnveden');
    expect(parties).toHaveLength(7);
    for (const p of parties) expect(p.orgNumbers).toEqual([]);
    expect(get('parties', 'finnveden', 'gnosjo-kommun').note).toContain('Organis.nummer:');
  });
});

describe('002 Umeåregionen styrelse: protokoll 2017-02-24, kallelse 2017-04-21, extra utlysning', () => {
  it('§ 12: call with sista ansökningsdag 24 mars, beredning 7 april, beslut 21 april', () => {
    const d = get('decisions', 'umearegionen', 'overskott-av-medel-call');
    expect([d.date, d.paragraph, d.organ]).toEqual(['2017-02-24', '§ 12', 'styrelse']);
    expect(d.text).toContain('- Sista ansökningsdag den 24 mars - Beredning 7 april - Beslut 21 april.');
    expect(d.text).toContain('Det egna kapitalet uppgår till 3 200 tkr');
    expect(d.source).toEqual({ doc: D002, section: 'Protokoll styrelsen 2017-02-24, § 12 Överskott av medel' });
  });

  it('§ 10: årsredovisning 2016 adopted', () => {
    const d = get('decisions', 'umearegionen', 'arsredovisning-2016');
    expect(d.text).toContain('Beslut: Styrelsen beslutade att anta föreslagen årsredovisning för verksamhetsåret 2016.');
    expect(d.source.section).toBe('Protokoll styrelsen 2017-02-24, § 10 Årsredovisning 2016 (Bilaga 4)');
  });

  it('§ 15 nominates Peter Vigren to NNS; § 18 ledarskapsdagar 9/5 and 29/9', () => {
    expect(get('decisions', 'umearegionen', 'nominering-nns-styrelse').text).toBe('Styrelsen beslutade att nominera Peter Vigren.');
    const d18 = get('decisions', 'umearegionen', 'ledarskapsdagar');
    expect(d18.text).toContain('Nya datum för ledarskapsdagar i samverkan beslutades till 9/5 och 29/9.');
    expect(d18.paragraph).toBe('§ 18');
    expect(data.decisions.filter((d) => d.forbund === 'umearegionen' && d.source.doc === D002)).toHaveLength(21);
  });

  it("the six applications with the beredningsgrupp's amounts, priorities and proposals", () => {
    const apps = data.applications.filter((a) => a.forbund === 'umearegionen');
    expect(apps.map((a) => [a.id, a.amount, a.proposal])).toEqual([
      ['social-lots-ungdomstorget', '408 tkr', 'Prio 1: Bifall'],
      ['stod-for-att-aterga-klara-studier', '410 tkr', 'Prio 2: Bifall'],
      ['robertsfors-langtidssjukskrivna', '250 tkr', 'Prio 3: Bifall'],
      ['vardskap-asf', '160 tkr', 'Prio 4: Avslag'],
      ['fokus-langa-sjukfall', '398 tkr', 'Prio 5: Avslag'],
      ['arbetsgivarekonferens', '220 tkr', 'Prio 6: Avslag'],
    ]);
    expect(apps.reduce((sum, a) => sum + Number.parseInt(a.amount ?? '0', 10), 0)).toBe(1846);
    expect(get('applications', 'umearegionen', 'fokus-langa-sjukfall')).toMatchObject({
      applicant: 'Försäkringskassan', period: '1 april 2017 t o m 31 december 2017',
      source: { doc: D002, section: 'Bilaga 2, Ansökan Fokus långa sjukfall' },
    });
  });

  it('kallelse: 2017-04-21 08.30 – 12.00 in Kommunhuset i Nordmaling; punkt 11 1 846 tkr sökt, cirka 1 200 tkr', () => {
    const k = get('agreements', 'umearegionen', 'kallelse-styrelse-2017-04-21');
    expect(k.meeting).toEqual({ date: '2017-04-21', time: '08.30 – 12.00', place: 'Kommunhuset i Nordmaling' });
    const p11 = k.agenda!.find((a) => a.number === '11')!;
    expect(p11.text).toBe('Mikael Holmlund föredrar de sex inkomna ansökningarna. Totalt belopp som sökts är 1 846 tkr, beslutsutrymmet är cirka 1 200 tkr.');
    expect(p11.source).toEqual({ doc: D002, section: 'Kallelse styrelsen 2017-04-21, punkt 11 Beslut inkomna ansökningar extra utlysning 2017 (Bilaga 2)' });
    expect(k.agenda!.find((a) => a.number === '10')!.text).toContain('Att avsätta som högst 60 tkr för att utveckla en hemsida med TRIS som förebild');
  });

  it('protokoll: ordförande Peter Vigen (Umeå kommun), justerare Carola Larsson 2017-04-03, Ungdomstorget 08.15-12.00', () => {
    const p = get('agreements', 'umearegionen', 'protokoll-styrelse-2017-02-24');
    expect(p.meeting).toEqual({ date: '2017-02-24', time: '08.15-12.00', place: 'Ungdomstorget, Umeå' });
    expect(p.participants!.find((x) => x.name === 'Peter Vigen')).toMatchObject({ party: 'umea-kommun', group: 'Beslutande' });
    expect(p.participants!.find((x) => x.name === 'Ulf Björk')?.party).toBe('region-vasterbotten');
    expect(p.signatories.find((s) => s.role === 'Justerare')).toMatchObject({ name: 'Carola Larsson', date: '2017-04-03' });
    expect(p.otherRules[0]!.text).toContain('Datum för anslags nedtagande: 2017-04-28');
    expect(p.source).toEqual({ doc: D002, section: 'Protokoll styrelsen 2017-02-24' });
  });
});

describe('004 Verksamhetsplan Steget vidare 2.0 (2014–2016)', () => {
  it('målgrupp: kvinnor och män 25–64 år with sammansatt problematik', () => {
    const m = stegetVidare().malgrupp[0]!;
    expect([m.ageMin, m.ageMax]).toEqual([25, 64]);
    expect(m.groups).toHaveLength(4);
    expect(m.source).toEqual({ doc: D004, section: '2. Målgruppen' });
  });

  it('individmål: 25 % till arbete, 15 % till studier, 30 individer per år, 100–110 platser', () => {
    const g = (id: string) => vpSteget().goals.find((x) => x.id === id)!;
    expect(g('mal-till-arbete').target).toBe('25 %');
    expect(g('mal-till-studier').target).toBe('15 %');
    expect(g('omsattningsmal').text).toBe('Omsättningsmål 30 individer som lämnar steget vidare per år');
    expect(g('volymmal-arsbasis').target).toBe('100–110 platser per år');
    expect(g('mal-till-arbete').source).toEqual({ doc: D004, section: '3.3.1 Individmål' });
  });

  it('organisationsspecifikt mål Umeå kommun: 30 % minskat behov av försörjningsstöd', () => {
    const g = vpSteget().goals.find((x) => x.id === 'org-umea-kommun')!;
    expect(g.text).toContain('30 % minskat behov av försörjningsstöd för de personer som aktualiseras från kommunen.');
    expect(g.source).toEqual({ doc: D004, section: '3.3.3 Organisationsspecifika mål' });
  });

  it('results of GT Vuxna: 94 deltagare, 44 % till arbete, 19 % till studier', () => {
    const r = (label: string) => stegetVidare().results.find((x) => x.label === label)!;
    expect(r('GT Vuxna: deltagare').value).toBe('94 personer');
    expect(r('GT Vuxna: till arbete').value).toBe('44 %');
    expect(r('GT Vuxna: till studier')).toMatchObject({ value: '19 %', source: { doc: D004, section: '1.1 GT Vuxna' } });
  });

  it('results of Steget vidare 2011–2013: 180 deltagare, 98 kvinnor = 54,4 %, snittålder 38,9 år', () => {
    const r = (label: string) => stegetVidare().results.find((x) => x.label === label)!;
    expect(r('Steget vidare 2011–2013: påbörjat deltagande').value).toBe('180 personer');
    expect(r('Steget vidare 2011–2013: kvinnor').value).toBe('98 st. = 54,4 %');
    expect(r('Steget vidare 2011–2013: snittålder')).toMatchObject({ value: '38,9 år', source: { doc: D004, section: '1.2.1 Resultat' } });
  });

  it('staffing: psykolog 0.5 årsarbetare at Psykiatriska kliniken, financed by Samordningsförbundet', () => {
    const s = stegetVidare().staffing.find((x) => x.role === 'Psykolog')!;
    expect(s).toMatchObject({ party: 'region-vasterbotten', unit: 'psykiatri', amount: '0.5 årsarbetare' });
    expect(s.text).toBe('Arbetsgivaransvar: Psykiatriska kliniken. Finansiering: Samordningsförbundet.');
    expect(s.source).toEqual({ doc: D004, section: '7. Resurser och ansvar' });
    expect(stegetVidare().staffing.find((x) => x.role === 'Arbetsterapeut')?.amount).toBe('0,8 årsarbetare');
  });

  it('styrgrupp meets every 6th week, chaired by enhetschef försörjningsstöd', () => {
    const o = get('organs', 'umearegionen', 'styrgrupp-steget-vidare');
    expect(o.meets).toBe('Var 6:e vecka, efter en fast dagordning');
    expect(o.representation[0]!.text).toBe('Enhetschef försörjningsstöd, Umeå kommun (ordförande)');
    expect(o.source).toEqual({ doc: D004, section: '3.4 Styrning' });
  });

  it('reports to Samordningsförbundet 2 gånger/år; deltagare avslutas after tre månader in behålla-fas', () => {
    const a = vpSteget();
    expect(a.reporting.find((r) => r.to === 'Samordningsförbundet')).toMatchObject({
      when: '2 gånger/år', source: { doc: D004, section: '5.3 Lägesrapportering till styrgrupp och huvudmän' },
    });
    expect(a.otherRules.find((r) => r.topic === 'Behålla-fas och avslut')?.text).toContain('Efter tre månader avslutas deltagaren i Steget vidare.');
    expect(a.parties).toContain('region-vasterbotten');
  });
});
