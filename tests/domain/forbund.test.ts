import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { noBudgetText } from '../../dialogs/budgetDialog.js';
import { capabilities, welcomeReply } from '../../dialogs/helpContent.js';
import { DataError, loadData, type AgreementData } from '../../src/data/load.js';
import { extractFacts, buildLexicon } from '../../src/domain/aktualisering/extract.js';
import { partiesOf } from '../../src/domain/answers/common.js';
import { answerAtaganden } from '../../src/domain/answers/ataganden.js';
import { answerBudget, namedRecordsOf } from '../../src/domain/budget.js';
import { parseQuery } from '../../src/domain/entities.js';
import { helpExamples } from '../../src/domain/examples.js';
import { defaultForbund, forbundOf } from '../../src/domain/forbund.js';
import { docShortTitle } from '../../src/domain/sources.js';

let data: AgreementData;
beforeAll(async () => {
  data = await loadData('data');
});

const forbundFor = (d: AgreementData, text: string) => forbundOf(d, parseQuery(d, text));

/** data/ copied to a temp folder with one förbund's folder renamed (its records keep their ids). */
async function renamedCopy(from: string, to: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'svb-forbund-'));
  await cp('data', dir, { recursive: true });
  await cp(path.join(dir, from), path.join(dir, to), { recursive: true });
  await rm(path.join(dir, from), { recursive: true });
  const docs = JSON.parse(await readFile(path.join(dir, 'documents.json'), 'utf8')) as { forbund: string[] }[];
  for (const d of docs) d.forbund = d.forbund.map((f) => (f === from ? to : f));
  await writeFile(path.join(dir, 'documents.json'), JSON.stringify(docs));
  // The förbund record and the agreements name the förbund by its id.
  for (const file of (await readdir(path.join(dir, to))).filter((f) => /^(forbund|agreements)\b/.test(f))) {
    const full = path.join(dir, to, file);
    const records = JSON.parse(await readFile(full, 'utf8')) as { id: string; forbund?: string }[];
    for (const r of records) {
      if (file.startsWith('forbund') && r.id === from) r.id = to;
      if (r.forbund === from) r.forbund = to;
    }
    await writeFile(full, JSON.stringify(records));
  }
  return dir;
}

describe('forbundOf: the förbund a question is about, from data/', () => {
  it('a member municipality or the förbund name decides', () => {
    expect(forbundFor(data, 'Vilka parter finns i Gnosjö?')).toBe('finnveden');
    expect(forbundFor(data, 'Vad gör Finnvedens styrelse?')).toBe('finnveden');
    expect(forbundFor(data, 'Vad gör socialtjänsten i Vännäs?')).toBe('umearegionen');
  });

  it('a verksamhet that only one förbund has decides', () => {
    expect(forbundFor(data, 'Vad åtar sig Försäkringskassan i samverkansteamet?')).toBe('finnveden');
    expect(forbundFor(data, 'Vad åtar sig Försäkringskassan i Vuxentorget?')).toBe('umearegionen');
  });

  it('otherwise the förbund marked default in data/', () => {
    expect(defaultForbund(data)).toBe('umearegionen');
    expect(forbundFor(data, 'Vad åtar sig Försäkringskassan?')).toBe('umearegionen');
    const swapped = { ...data, forbund: data.forbund.map((f) => ({ ...f, default: f.id === 'finnveden' })) };
    expect(forbundFor(swapped, 'Vad åtar sig Försäkringskassan?')).toBe('finnveden');
  });

  it('DEFAULT_FORBUND (a load option) overrides the flag; an unknown id stops the load naming it', async () => {
    const d = await loadData('data', { defaultForbund: 'finnveden' });
    expect(defaultForbund(d)).toBe('finnveden');
    expect(forbundFor(d, 'Vad åtar sig Försäkringskassan?')).toBe('finnveden');
    await expect(loadData('data', { defaultForbund: 'okant' })).rejects.toThrow(DataError);
    await expect(loadData('data', { defaultForbund: 'okant' })).rejects.toThrow(/DEFAULT_FORBUND=okant: förbundet finns inte/);
  });
});

describe('a förbund under another name keeps its answers (no förbund id in code)', () => {
  let renamed: AgreementData;
  beforeAll(async () => {
    renamed = await loadData(await renamedCopy('umearegionen', 'norrbygden'));
  });

  it('is the default förbund and answers budget questions from its tables', () => {
    expect(defaultForbund(renamed)).toBe('norrbygden');
    const q = 'Vad är Vuxentorgets budget 2023?';
    const a = answerBudget(q, forbundFor(renamed, q), renamed.budgets, namedRecordsOf(renamed));
    expect(a?.headline).toBe('Vuxentorget 2023: 2 190 tkr (budgeterad kostnad).');
    const teams = answerBudget('budget samordningsteamen 2024', 'norrbygden', renamed.budgets, namedRecordsOf(renamed));
    expect(teams?.figures.map((f) => f.label)).toEqual(expect.arrayContaining(['Samordningsteamet Vännäs', 'Samordningsteamet Bjurholm']));
    const kommuner = answerBudget('vad betalar kommunerna 2023', 'norrbygden', renamed.budgets, namedRecordsOf(renamed));
    expect(kommuner?.figures).toHaveLength(6);
  });
});

describe('knowledge that moved from code into data/', () => {
  it('a unit alias several kommuner share means the preferred party of data/ (preferredParties)', () => {
    const q = parseQuery(data, 'Vad åtar sig soc?');
    expect(partiesOf(data, q, 'umearegionen').map((p) => p.party)).toEqual(['umea-kommun']);
    const other = { ...data, forbund: data.forbund.map((f) => ({ ...f, preferredParties: f.id === 'umearegionen' ? ['vannas-kommun'] : f.preferredParties })) };
    expect(partiesOf(other, parseQuery(other, 'Vad åtar sig soc?'), 'umearegionen').map((p) => p.party)).toEqual(['vannas-kommun']);
  });

  it('a commitment written for an umbrella verksamhet holds for the verksamheter partOf it', () => {
    const nytorget = { ...data.verksamheter.find((v) => v.id === 'vuxentorget')!, id: 'nytorget', name: 'Nytorget', aliases: [] };
    const umbrella = data.commitments.find((c) => c.verksamhet === 'arbetsmarknadstorgen' && c.party === 'arbetsformedlingen')!;
    const withPart = { ...data, verksamheter: [...data.verksamheter, nytorget] };
    const reply = answerAtaganden(withPart, parseQuery(withPart, 'Vad åtar sig Arbetsförmedlingen i Nytorget?'));
    expect(reply.text).toMatch(/^Åtaganden för Arbetsförmedlingen i Nytorget/);
    expect(reply.facts?.map((f) => f.value)).toContain(umbrella.text);
    // Without partOf nothing is written for Nytorget: the answer says so and lists the party's other commitments.
    const alone = { ...data, verksamheter: [...data.verksamheter, { ...nytorget, partOf: undefined }] };
    const none = answerAtaganden(alone, parseQuery(alone, 'Vad åtar sig Arbetsförmedlingen i Nytorget?'));
    expect(none.text).toMatch(/^Några åtaganden för Arbetsförmedlingen i Nytorget står inte/);
  });

  it('the words naming a referring party are its referrer cues in data/', () => {
    const text = 'jag jobbar på nyenheten och vill aktualisera en person';
    expect(extractFacts(text, buildLexicon(data)).referringParty).toBeUndefined();
    const more = data.individprocesser.map((p) => (p.referringParty === 'region' && p.referrer
      ? { ...p, referrer: { ...p.referrer, cues: [...p.referrer.cues, 'nyenhet'] } } : p));
    expect(extractFacts(text, buildLexicon({ ...data, individprocesser: more })).referringParty).toBe('region');
  });

  it('the "no budget" answer lists the budgets data/ has', () => {
    expect(noBudgetText({ data })).toBe('Jag hittar ingen budget för det i överenskommelserna. Budgetar finns för Samordningsförbundet Umeåregionen 2023–2025 och Samverkansteam Finnveden 2021–2022.');
    const other = { ...data, forbund: data.forbund.map((f) => ({ ...f, name: f.id === 'umearegionen' ? 'Norrbygdens samordningsförbund' : f.name })) };
    expect(noBudgetText({ data: other })).toContain('Norrbygdens samordningsförbund 2023–2025');
  });

  it('the help’s example questions name the default förbund’s showcase verksamhet and party, its busiest group and a budget year', () => {
    expect(helpExamples(data)).toEqual({ verksamhet: 'Vuxentorget', verksamhetGenitive: 'Vuxentorgets', party: 'Arbetsförmedlingen', group: 'SSG', year: '2023' });
    expect(capabilities(helpExamples(data)).flatMap((c) => c.examples)).toEqual(expect.arrayContaining(['Kan en 23-åring aktualiseras till Vuxentorget?', 'Vad är Vuxentorgets budget 2023?']));
    const other = { ...data, forbund: data.forbund.map((f) => ({ ...f, default: f.id === 'finnveden' })) };
    const ex = helpExamples(other);
    expect(ex.verksamhet).toBe('Samverkansteam Finnveden');
    expect(welcomeReply(ex).choices?.map((c) => c.label).join(' ')).not.toMatch(/Vuxentorget/);
  });

  it('a document’s short title is its shortTitle in documents.json', () => {
    const doc = data.documents[0]!;
    expect(docShortTitle(data.documents, doc.doc)).toBe(doc.shortTitle);
    const renamed = [{ ...doc, doc: 'annan.txt', shortTitle: 'Annat avtal 2030' }];
    expect(docShortTitle(renamed, 'annan.txt')).toBe('Annat avtal 2030');
  });
});
