/**
 * Spot checks of curated facts from 000 (Överenskommelse Samverkansplattform Vuxentorget, 2020) and
 * 001 (Överenskommelse/Verksamhetsplan 2023, Umeåregionen): each asserts the exact value in data/ and
 * the document and section it is sourced to.
 */
import { loadData, type AgreementData } from '../../src/data/load.js';
import type { KindName, Loaded } from '../../src/data/schema.js';

const D000 = '000_315788e0db8ba8e3.txt';
const D001 = '001_3b8f569c69f127f3.txt';
const U = 'umearegionen';

let data: AgreementData;

beforeAll(async () => {
  data = await loadData('data');
});

function get<K extends KindName>(kind: K, id: string): Loaded<K> {
  const found = (data[kind] as unknown as Loaded<K>[]).find((r) => r.forbund === U && r.id === id);
  if (!found) throw new Error(`${kind} ${U}/${id} saknas`);
  return found;
}

const party = (id: string) => get('parties', id);
const orgNo = (id: string, doc: string) => party(id).orgNumbers.filter((o) => o.source.doc === doc).map((o) => o.value);
const vt2020 = () => get('agreements', 'overenskommelse-vuxentorget-2020');
const ovk2023 = () => get('agreements', 'overenskommelse-2023');
const commitment = (id: string) => get('commitments', id);
const initiativ = (n: number) => {
  const found = data.initiativ.find((i) => i.forbund === U && i.number === n);
  if (!found) throw new Error(`initiativ ${n} saknas`);
  return found;
};

describe('organisation numbers as written in each document', () => {
  it('Försäkringskassan 202100-5521 in 000 §7 and in 001 Parter', () => {
    expect(orgNo('forsakringskassan', D000)).toEqual(['202100-5521']);
    expect(orgNo('forsakringskassan', D001)).toEqual(['202100-5521']);
    expect(party('forsakringskassan').orgNumbers[0]!.source).toEqual({ doc: D000, section: '7. Deltagande parter och åtaganden' });
  });

  it('Arbetsförmedlingen: 000 writes 202100-2627, 001 writes 202100-2114 (both kept)', () => {
    expect(orgNo('arbetsformedlingen', D000)).toEqual(['202100-2627']);
    expect(orgNo('arbetsformedlingen', D001)).toEqual(['202100-2114']);
    expect(party('arbetsformedlingen').orgNumbers[1]!.source).toEqual({ doc: D001, section: 'Överenskommelse 2023, Parter' });
  });

  it('Samordningsförbundet Umeåregionen 222000-1834 (förbund record)', () => {
    const f = get('forbund', 'umearegionen');
    expect(f.orgNumbers.map((o) => o.value)).toEqual(['222000-1834', '222000-1834']);
    expect(f.orgNumbers[0]!.source.doc).toBe(D000);
  });

  it('Region Västerbotten 232100-0222 and Umeå kommun 212000-2627', () => {
    expect(orgNo('region-vasterbotten', D000)).toEqual(['232100-0222']);
    expect(orgNo('umea-kommun', D001)).toEqual(['212000-2627']);
  });

  it('kranskommuner and Kriminalvården from 001 Parter', () => {
    expect(orgNo('vannas-kommun', D001)).toEqual(['212000-2841']);
    expect(orgNo('vindelns-kommun', D001)).toEqual(['212000-2544']);
    expect(orgNo('robertsfors-kommun', D001)).toEqual(['212000-2551']);
    expect(orgNo('nordmalings-kommun', D001)).toEqual(['212000-2536']);
    expect(orgNo('bjurholms-kommun', D001)).toEqual(['212000-2833']);
    expect(orgNo('kriminalvarden', D001)).toEqual(['202100-0225']);
    expect(party('kriminalvarden').orgNumbers[0]!.source.section).toBe('Överenskommelse 2023, Parter');
  });

  it('Region Västerbotten was Västerbottens läns landsting in 002', () => {
    const other = party('region-vasterbotten').otherNames.find((n) => n.source.doc === '002_fbf17afc9ce55389.txt');
    expect(other?.name).toBe('Västerbottens läns landsting');
  });
});

describe('000 Överenskommelse Vuxentorget (2020)', () => {
  it('valid from 2020-01-01 tillsvidare', () => {
    expect(vt2020().validity).toMatchObject({ from: '2020-01-01', tillsvidare: true });
    expect(vt2020().parties).toHaveLength(5);
  });

  it('annual bilaga must reach the förbund senast 31 december året före (1. Inledning)', () => {
    const r = vt2020().reporting.find((x) => x.source.section === '1. Inledning')!;
    expect(r.when).toBe('senast den 31 december året före det år som bilagan avser');
    expect(r.source.doc).toBe(D000);
  });

  it('three reports a year: T1, T2 lägesrapport and socialt bokslut (8. Uppföljning)', () => {
    const r = vt2020().reporting.find((x) => x.what.startsWith('Tre rapporter'))!;
    expect(r.text).toContain('Vid tertial 1 och 2 redovisas statistik och kort lägesrapport');
    expect(r.text).toContain('socialt bokslut');
    expect(r.source).toEqual({ doc: D000, section: '8. Uppföljning' });
  });

  it('SUS registration for state-financed verksamheter', () => {
    const r = vt2020().reporting.find((x) => x.what === 'Registrering i SUS')!;
    expect(r.text).toContain('SUS – Systemet för uppföljning av samverkansinsatser');
    expect(r.source.section).toBe('8. Uppföljning');
  });

  it('changes aviseras minst tre månader i förväg in Vuxentorgets styrgrupp (9.)', () => {
    expect(vt2020().notice!.text).toContain('minst tre månader i förväg');
    expect(vt2020().notice!.text).toContain('Vuxentorgets styrgrupp');
    expect(vt2020().notice!.source).toEqual({ doc: D000, section: '9. Villkor vid ändring av åtaganden' });
  });

  it('six signatories; Region Västerbotten signed 2019-12-13, Arbetsförmedlingen 2020-01-24', () => {
    const s = vt2020().signatories;
    expect(s).toHaveLength(6);
    expect(s.find((x) => x.name === 'Jennie Liling Ståhl')).toMatchObject({ party: 'region-vasterbotten', date: '2019-12-13' });
    expect(s.find((x) => x.name === 'Anders Hählin')).toMatchObject({ party: 'arbetsformedlingen', date: '2020-01-24' });
    expect(s.find((x) => x.name === 'Monica Wahlström')?.date).toBeUndefined();
  });

  it('upprättad i 6 exemplar (10. Underskrifter)', () => {
    const r = vt2020().otherRules.find((x) => x.topic === 'Exemplar')!;
    expect(r.text).toContain('6 exemplar');
    expect(r.source.section).toBe('10. Underskrifter');
  });

  it('Arbetsförmedlingen: insatser for kunder med arbetsförmåga minst 10 timmar/vecka', () => {
    const c = commitment('vt20-af-10-timmar');
    expect(c.party).toBe('arbetsformedlingen');
    expect(c.text).toContain('minst 10 timmar/vecka');
    expect(c.source).toEqual({ doc: D000, section: '7. Deltagande parter och åtaganden – Arbetsförmedlingen' });
  });

  it('psykiatrin bemannar Vuxentorget med arbetsterapeut och psykolog', () => {
    const c = commitment('vt20-psyk-bemanning');
    expect([c.party, c.unit, c.category]).toEqual(['region-vasterbotten', 'psykiatri', 'bemanning']);
    expect(c.text).toBe('Vuxentorget bemannas av arbetsterapeut och psykolog.');
    expect(c.source.section).toBe('7. Deltagande parter och åtaganden – Region Västerbotten, Psykiatrin');
  });

  it('Försäkringskassan bemannar med personliga handläggare', () => {
    expect(commitment('vt20-fk-bemanning').text).toBe('Vuxentorget bemannas av personliga handläggare.');
    expect(commitment('vt20-fk-bemanning').source.doc).toBe(D000);
  });

  it('Viva arbetsmarknad: insatser incl. Supported employment, Hikikomori, Växtkraft', () => {
    const c = commitment('vt20-viva-insatser');
    expect(c.unit).toBe('arbetsmarknad');
    expect(c.text).toContain('supported employment');
    expect(c.text).toContain('Hikikomori');
    expect(c.text).toContain('Växtkraft');
  });

  it('förbundet finansierar utvecklingsledare, processledare, kompetensutveckling och vissa lokaler', () => {
    const c = commitment('vt20-sf-finansiering');
    expect(c.category).toBe('finansiering');
    expect(c.text).toContain('utvecklingsledare, processledare, kompetensutveckling och vissa lokaler');
  });

  it('primärvården hade inte anslutit 2020', () => {
    const c = commitment('vt20-primarvard-ej-ansluten');
    expect(c.unit).toBe('primarvard');
    expect(c.text).toContain('under 2020');
  });

  it('socialtjänsten fattar beslut om försörjningsstöd och är ärendebärare', () => {
    const c = commitment('vt20-soc-beslut');
    expect([c.party, c.unit, c.category]).toEqual(['umea-kommun', 'socialtjanst', 'beslut']);
    expect(c.text).toContain('ärendebärare när annan försörjning saknas');
  });
});

describe('Vuxentorget as verksamhet (000)', () => {
  const vt = () => get('verksamheter', 'vuxentorget');

  it('målgrupp 25–64, bosatta i Umeå, both wordings noted', () => {
    const m = vt().malgrupp[0]!;
    expect([m.ageMin, m.ageMax]).toEqual([25, 64]);
    expect(m.residence).toEqual(['Umeå']);
    expect(m.ageNote).toContain('äldre än 25 år');
    expect(m.source).toEqual({ doc: D000, section: "6. Vuxentorget's målgrupper" });
  });

  it('seven defined groups incl. Vuxna hemmasittande', () => {
    const m = vt().malgrupp[0]!;
    expect(m.groups).toHaveLength(7);
    expect(m.groups).toContain('Vuxna hemmasittande');
    expect(m.groups).toContain('Sjukskrivna med försörjningsstöd (nollklassade)');
  });

  it('first intag 2017-10-05 and a 40-tal medarbetare', () => {
    expect(vt().period?.from).toBe('2017-10-05');
    expect(vt().staffing.find((s) => s.amount === 'ett 40-tal')?.source.section).toBe('4. Beskrivning av Vuxentorget');
  });

  it('styrelsen decided on the ramverk 2016-11-25 (2. bakgrund)', () => {
    const p = get('passages', 'vt20-bakgrund');
    expect(p.text).toContain('2016-11-25');
    expect(p.text).toContain('2015-11-27');
    expect(p.source.section).toBe('2. Vuxentorget bakgrund');
  });
});

describe('001 Överenskommelse 2023', () => {
  it('valid 2023-01-01–2023-12-31, decided 2022-11-25', () => {
    expect(ovk2023().validity).toMatchObject({ from: '2023-01-01', to: '2023-12-31', tillsvidare: false });
    expect(ovk2023().decided?.date).toBe('2022-11-25');
    expect(ovk2023().parties).toHaveLength(11);
  });

  it('update for 2024 decided senast 30 november 2023', () => {
    expect(ovk2023().renegotiation!.text).toContain('senast den 30 november 2023');
    expect(ovk2023().renegotiation!.source).toEqual({ doc: D001, section: "Överenskommelse 2023, Överenskommelsens/handlingsplanens varaktighet" });
  });

  it('ten signatories incl. Annika Jonsson for Kriminalvården/Frivården', () => {
    const s = ovk2023().signatories;
    expect(s).toHaveLength(10);
    expect(s.find((x) => x.party === 'kriminalvarden')?.name).toBe('Annika Jonsson');
    expect(s.find((x) => x.party === 'arbetsformedlingen')?.name).toBe('Jessica Norman');
    expect(s.find((x) => x.party === 'bjurholms-kommun')?.name).toBe('Christina Lidström');
  });

  it('målgrupp 16–64 with seven prioritised groups', () => {
    const m = ovk2023().malgrupp[0]!;
    expect([m.ageMin, m.ageMax]).toEqual([16, 64]);
    expect(m.groups).toHaveLength(7);
    expect(m.groups).toContain('Klienter från frivården i behov av samordnat stöd');
    expect(m.source).toEqual({ doc: D001, section: 'Överenskommelse 2023, Målgrupp' });
  });

  it('vision and syfte', () => {
    expect(ovk2023().purpose).toBe('Att genom samverkan förbättra kompetensförsörjningen och påskynda individers etablering i arbetslivet.');
    expect(ovk2023().vision).toContain('varje människas arbetsförmåga tas till vara');
  });

  it('Bilaga 1: effektmål measured in helårsekvivalenter', () => {
    const g = ovk2023().goals.find((x) => x.id === 'effektmal-ersattningsberoende')!;
    expect(g.indicators[0]!.text).toContain('helårsekvivalenter');
    expect(g.source).toEqual({ doc: D001, section: 'Bilaga 1, Samverkansmål och indikatorer – Effektmål' });
  });

  it('Bilaga 1: ekonomiskt bistånd indicators 0–10, 11–36, 36+ månader', () => {
    const g = ovk2023().goals.find((x) => x.id === 'strategiskt-ekonomiskt-bistand')!;
    expect(g.indicators.map((i) => i.text)).toEqual([
      'Andel med försörjningsstöd 0–10 månader',
      'Andel med försörjningsstöd 11–36 månader',
      'Andel med försörjningsstöd 36 månader eller mer',
      'Varaktighet i försörjningsstöd, snitt av bidragsmånader (nov–okt)',
    ]);
  });

  it('Bilaga 1: finansiellt mål – eget kapital enligt trappan', () => {
    const g = ovk2023().goals.find((x) => x.id === 'finansiellt-mal')!;
    expect(g.indicators[0]!.text).toContain('trappan');
  });

  it('Arbetsmarknadstorgen redovisas via socialt bokslut/impact index', () => {
    const r = ovk2023().reporting.find((x) => x.what.startsWith('Socialt bokslut'))!;
    expect(r.text).toContain('socialt bokslut/impact index');
    expect(r.source.section).toBe('Överenskommelse 2023, Uppföljning av överenskommelsen');
  });
});

describe('001 Bilaga 2 organisation', () => {
  it('styrelsen: 9 ledamöter och 9 ersättare', () => {
    expect(get('organs', 'styrelse').size).toBe('9 ledamöter och 9 ersättare, utsedda av respektive huvudman');
    expect(get('organs', 'styrelse').source).toEqual({ doc: D001, section: 'Bilaga 2, Organisering av samverkan – ledning och styrning, Samordningsförbundets styrelse' });
  });

  it('arbetsutskottet: förbundschef och två tjänstepersoner', () => {
    expect(get('organs', 'arbetsutskott').size).toBe('Förbundschef och två tjänstepersoner från den strategiska nivån');
  });

  it('analysgruppen analyserar SCB:s helårsekvivalenter två gånger/år', () => {
    expect(get('organs', 'analysgrupp').tasks).toContain('Sammanställa och analysera SCB:s helårsekvivalenter två gånger/år');
  });

  it('SSG: förbundet är sammankallande och ordförande', () => {
    const r = get('organs', 'ssg').representation.find((x) => x.party === 'samordningsforbundet-umearegionen')!;
    expect(r.text).toContain('sammankallande');
    expect(r.source?.section).toBe('Överenskommelse 2023, Parternas övergripande åtaganden');
  });

  it('kansli: ekonomistöd enligt avtal med Umeå kommun', () => {
    const k = get('forbund', 'umearegionen').kansli.find((x) => x.role === 'Ekonomistöd')!;
    expect(k.note).toBe('Enligt avtal med Umeå kommun.');
    expect(k.source.doc).toBe(D001);
  });
});

describe('001 Bilaga 5 commitments and contacts', () => {
  it('psykiatrin: kontakt för patientfrågor i Samordningsteamen 090-785 63 10', () => {
    const c = get('contacts', 'psykiatri-rehabkoordinator-forsakringsmedicin');
    expect(c.phone).toBe('090-785 63 10');
    expect(c.role).toBe('Rehabiliteringskoordinator/Operativ processledare Försäkringsmedicin');
    expect(c.unit).toBe('psykiatri');
    expect(c.source).toEqual({ doc: D001, section: 'Bilaga 5, Parternas åtaganden – Region Västerbotten, Psykiatriska kliniken – För Samordningsteamen i kranskommunerna' });
  });

  it('psykiatrin: generella frågor till Avdelningschef Arbetsterapi och Fysioterapi', () => {
    expect(get('contacts', 'psykiatri-avdelningschef-arbetsterapi-fysioterapi').scope).toContain('generella frågor');
  });

  it('primärvårdens rehabkoordinator minst 2 timmar/månad i samordningsteamen', () => {
    const c = commitment('ovk23-pv-st-2-timmar');
    expect(c.text).toBe('Primärvårdens rehabkoordinator medverkar fysiskt vid samordningsteamen minst 2 timmar/månad.');
    expect(c.verksamhet).toBe('samordningsteamen');
  });

  it('Försäkringskassan bemannar Arbetsmarknadstorgen med försäkringsutredare (ej samlokaliserade)', () => {
    const c = commitment('ovk23-fk-bemanning');
    expect(c.text).toContain('försäkringsutredare (ej samlokaliserade)');
    expect(c.source).toEqual({ doc: D001, section: 'Bilaga 5, Parternas åtaganden – Försäkringskassan' });
  });

  it('Arbetsförmedlingen har en myndighetsbrevlåda för socialtjänsterna', () => {
    expect(commitment('ovk23-af-myndighetsbrevlada').text).toBe('Har en myndighetsbrevlåda för avstämning med socialtjänsterna i Umeåregionen.');
    expect(get('contacts', 'af-myndighetsbrevlada').scope).toBe('Avstämning med socialtjänsterna i Umeåregionen');
  });

  it('Nordmaling: tre handläggare från ekonomiskt bistånd; Vindeln: två', () => {
    expect(commitment('ovk23-nordmaling-bemanning').text).toContain('tre handläggare från ekonomiskt bistånd');
    expect(commitment('ovk23-vindeln-bemanning').text).toContain('två handläggare från ekonomiskt bistånd');
  });

  it('Bjurholm: VMO med tre socialsekreterare', () => {
    const c = commitment('ovk23-bjurholm-bemanning');
    expect(c.text).toContain('tre socialsekreterare');
    expect(c.source.section).toBe('Bilaga 5, Parternas åtaganden – Arbetsmarknadstorgen (Samordningsteamen i respektive kranskommun), Bjurholms kommun');
  });

  it('Kriminalvården är ny part; åtaganden tydliggörs efter kartläggning 2022', () => {
    expect(commitment('ovk23-kv-ny-part').text).toContain('ny part');
  });

  it('Arbetsförmedlingen represented in styrgruppen för Krami', () => {
    expect(commitment('ovk23-af-representation').text).toContain('styrgruppen för Krami');
  });
});

describe('001 Bilaga 4 samverkansinitiativ 2023', () => {
  it('18 initiatives', () => {
    expect(data.initiativ.filter((i) => i.forbund === U)).toHaveLength(18);
  });

  it('1 Unga med aktivitetsersättning: ranking 6, sammankallande FK, ansvar Styrgruppen Torget', () => {
    const i = initiativ(1);
    expect([i.name, i.status, i.ranking, i.impact]).toEqual(['Unga med aktivitetsersättning', 'Pågående', '6', '3']);
    expect(i.sammankallande).toBe('Försäkringskassan');
    expect(i.ansvar).toBe('Styrgruppen Torget');
    expect(i.source).toEqual({ doc: D001, section: 'Bilaga 4, Samverkansinitiativ 2023 (Initiativ, Aktivitet, Mål, Indikator)' });
  });

  it('7 Arbetssökande med funktionsnedsättning: ranking 2, påverkan 4, Svårt', () => {
    const i = initiativ(7);
    expect([i.ranking, i.impact, i.feasibility]).toEqual(['2', '4', 'Svårt, lång tid']);
  });

  it('11 is lång tid i försörjningsstöd pga ohälsa (as Bilaga 3 refers to it)', () => {
    const i = initiativ(11);
    expect(i.name).toBe('Personer med lång tid i försörjningsstöd på grund av ohälsa');
    expect(i.ranking).toBe('8');
    expect(i.parties).toContain('forsakringskassan');
  });

  it('12 Motverka långa biståndstider: indicator on "Matchen" after 6 månader', () => {
    expect(initiativ(12).indicators).toContain('Andel ärenden som avslutats 6 månader efter aktualisering till "Matchen"');
  });

  it('18 SDK: ranking Självklar, sammankallande Samordningsförbundet, mål 1 januari 2024', () => {
    const i = initiativ(18);
    expect(i.ranking).toBe('Självklar');
    expect(i.sammankallande).toBe('Samordningsförbundet');
    expect(i.goals[0]).toContain('1 januari 2024');
  });

  it('4 Sjukskrivningsmönster: conflicting status kept with a note', () => {
    expect(initiativ(4).status).toBe('Ej påbörjad/Ny');
    expect(initiativ(4).note).toContain('Pågående');
  });
});
