import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { fixedDayClock } from '../../src/core/clock.js';
import { createConversationCore, type ConversationCore } from '../../src/core/conversationCore.js';
import { createMemoryLogger } from '../../src/core/log.js';
import type { Reply } from '../../src/core/reply.js';
import { loadData } from '../../src/data/load.js';
import { watchData } from '../../src/data/watch.js';
import { calendarFromData } from '../../src/domain/calendar/fromData.js';
import type { Candidate } from '../../src/ingest/candidates.js';
import { documentTextPath } from '../../src/ingest/dataFiles.js';
import { createForbund } from '../../src/ingest/forbundNew.js';
import { ingestDocument, type IngestReport } from '../../src/ingest/ingest.js';
import { acceptCandidates, pendingCandidates, rejectCandidates } from '../../src/ingest/review.js';
import { remindersBetween } from '../../src/reminders/due.js';
import { subscriptionSchema } from '../../src/reminders/schema.js';
import { openStateStore } from '../../src/state/store.js';
import {
  BEREDNING_DATES, CONTACT, FORBUND_ID, FORBUND_NAME, ORG, STYRELSE_DATES, TOLK_SECTION, agreementText, writeAgreementFiles,
} from '../fixtures/syntheticAgreement/build.js';
import { tempDir } from '../helpers/coreTestKit.js';

/**
 * Issue 17, parts 2–4: a made-up agreement of a made-up förbund, built by the test as .txt, .docx and
 * .pdf, goes through forbund:new → data:ingest → data:review into a temporary copy of data/ (never
 * the repository's), and the bot answers from it.
 */
const TODAY = '2026-12-02';
const META = { title: 'Överenskommelse Älvbacka 2027–2028', date: '2026-11-20', kind: 'överenskommelse' };

async function freshData(): Promise<string> {
  const dir = join(tempDir('ingest-data-'), 'data');
  cpSync(join(process.cwd(), 'data'), dir, { recursive: true });
  await createForbund(dir, { id: FORBUND_ID, name: FORBUND_NAME, municipalities: ['Älvbacka', 'Åsmyra'], today: TODAY });
  return dir;
}

async function openCore(dataDir: string, defaultForbund?: string): Promise<ConversationCore> {
  const data = await loadData(dataDir, { defaultForbund });
  const state = await openStateStore(join(tempDir('ingest-state-'), 'state.json'));
  return createConversationCore({ data, clock: fixedDayClock(TODAY), state, log: createMemoryLogger('warn').logger });
}

let turn = 0;
async function ask(core: ConversationCore, text: string): Promise<Reply> {
  turn += 1;
  const replies = await core.ask({ channelId: 'web', conversationId: `ingest-${turn}`, text, today: TODAY });
  const first = replies[0];
  if (!first) throw new Error(`no reply to "${text}"`);
  return first;
}

const sectionsOf = (r: Reply) => (r.sources ?? []).map((s) => s.section);

let files: { txt: string; docx: string; pdf: string };
const cores: ConversationCore[] = [];

beforeAll(async () => {
  files = await writeAgreementFiles(tempDir('ingest-docs-'));
});

afterAll(async () => {
  await Promise.all(cores.map((c) => c.flush()));
});

describe.each(['txt', 'docx', 'pdf'] as const)('the synthetic agreement as .%s', (format) => {
  let dataDir: string;
  let report: IngestReport;

  beforeAll(async () => {
    dataDir = await freshData();
    report = await ingestDocument(dataDir, { forbund: FORBUND_ID, file: files[format], ...META });
  });

  test('is split along its own sections, each a passage with its section as source', async () => {
    const data = await loadData(dataDir);
    const passages = data.passages.filter((p) => p.forbund === FORBUND_ID);
    expect(passages.map((p) => p.source.section)).toEqual(expect.arrayContaining(['§ 1 Parter', TOLK_SECTION, '§ 6 Mötesplan 2027', '§ 8 Budget 2027–2028 (tkr)']));
    expect(passages.find((p) => p.source.section === TOLK_SECTION)?.text).toContain('Tolk bokas av den part som kallar till kartläggningssamtalet.');
    // The text is kept in data/, so provenance checks and search work on a clean clone.
    const info = data.documents.find((d) => d.doc === report.doc);
    expect(info).toMatchObject({ title: META.title, date: META.date, forbund: [FORBUND_ID] });
    expect(readFileSync(documentTextPath(dataDir, info!), 'utf8')).toContain('Tolk bokas');
  });

  test('the bot answers a search question from it with the right section as source', async () => {
    const core = await openCore(dataDir, FORBUND_ID);
    cores.push(core);
    const reply = await ask(core, 'Vem bokar tolk till kartläggningssamtalet?');
    expect(reply.text).toContain('Tolk bokas av den part som kallar');
    expect(sectionsOf(reply)[0]).toBe(TOLK_SECTION);
  });

  test('proposes the org numbers, the contact and the meeting dates as candidates', () => {
    const orgNumbers = report.candidates.flatMap((c) => (c.kind === 'party' ? [c.orgNumber] : c.kind === 'orgNumber' ? [c.value] : []));
    expect(orgNumbers.sort()).toEqual(Object.values(ORG).sort());
    const contact = report.candidates.find((c): c is Extract<Candidate, { kind: 'contact' }> => c.kind === 'contact');
    expect(contact).toMatchObject({ phone: CONTACT.phone, email: CONTACT.email, source: { section: '§ 7 Kontakt' } });
    expect(contact?.role).toContain(CONTACT.role);
    const meetings = report.candidates.filter((c): c is Extract<Candidate, { kind: 'meeting' }> => c.kind === 'meeting');
    expect(meetings.filter((m) => m.organ?.kind === 'styrelse').map((m) => m.date)).toEqual([...STYRELSE_DATES]);
    expect(meetings.filter((m) => m.organ?.kind === 'beredningsgrupp').map((m) => m.date)).toEqual([...BEREDNING_DATES]);
    const table = report.candidates.find((c): c is Extract<Candidate, { kind: 'table' }> => c.kind === 'table');
    expect(table).toMatchObject({ unit: 'tkr', columns: ['2027', '2028'], rows: [{ label: 'Kansli och styrelse', values: [1200, 1250] }, { label: 'Insatser', values: [3800, 3900] }], sum: [5000, 5150] });
  });

  test('candidates are not facts: before review the bot has no meetings for the förbund', async () => {
    const core = await openCore(dataDir, FORBUND_ID);
    cores.push(core);
    const reply = await ask(core, 'När är nästa styrelsemöte?');
    expect(reply.text).not.toContain('2027');
  });
});

describe('review: accepting meetings makes them answers and reminders', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await freshData();
    await ingestDocument(dataDir, { forbund: FORBUND_ID, file: files.pdf, ...META });
    const pending = await pendingCandidates(dataDir, FORBUND_ID);
    await acceptCandidates(dataDir, FORBUND_ID, pending.filter((p) => p.candidate.kind === 'meeting'));
  });

  test('"när är nästa styrelsemöte?" answers from the accepted meetings, with the förbund as default', async () => {
    const core = await openCore(dataDir, FORBUND_ID);
    cores.push(core);
    const reply = await ask(core, 'när är nästa styrelsemöte?');
    expect(reply.text).toContain('12 februari 2027');
    expect(sectionsOf(reply)).toContain('§ 6 Mötesplan 2027');
  });

  test('and with the förbund named in the question while another förbund is the default', async () => {
    const core = await openCore(dataDir);
    cores.push(core);
    const reply = await ask(core, 'När är nästa styrelsemöte i Älvbacka?');
    expect(reply.text).toContain('12 februari 2027');
  });

  test('the reminder due-computation produces reminders for them', async () => {
    const data = await loadData(dataDir);
    const subscription = subscriptionSchema.parse({
      id: 'sub-1', forbund: FORBUND_ID, group: 'styrelse', target: { kind: 'web', conversationId: 'c1' }, channelKey: 'web:c1', createdAt: '2026-12-02T08:00:00Z',
    });
    const due = remindersBetween(calendarFromData(data, []), [subscription], '2027-01-01', '2027-12-31');
    expect(due.map((r) => `${r.occurrence.date}-${r.offset}`)).toEqual(STYRELSE_DATES.flatMap((d) => [`${d}-7`, `${d}-1`]));
  });

  test('accepted candidates leave drafts/ and are not proposed again on re-ingest', async () => {
    expect((await pendingCandidates(dataDir, FORBUND_ID)).some((p) => p.candidate.kind === 'meeting')).toBe(false);
    const again = await ingestDocument(dataDir, { forbund: FORBUND_ID, file: files.pdf });
    expect(again.candidates.some((c) => c.kind === 'meeting')).toBe(false);
    expect(again.alreadyReviewed).toBe(STYRELSE_DATES.length + BEREDNING_DATES.length);
  });
});

describe('review: parties, contacts, tables, rejections', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await freshData();
    await ingestDocument(dataDir, { forbund: FORBUND_ID, file: files.txt, ...META });
  });

  test('a contact needs a party; after the parties are accepted it joins the förbund and answers', async () => {
    const contact = (await pendingCandidates(dataDir, FORBUND_ID)).filter((p) => p.candidate.kind === 'contact');
    await expect(acceptCandidates(dataDir, FORBUND_ID, contact)).rejects.toThrow('kontakten behöver en part');
    await acceptCandidates(dataDir, FORBUND_ID, (await pendingCandidates(dataDir, FORBUND_ID)).filter((p) => p.candidate.kind === 'party'));
    await acceptCandidates(dataDir, FORBUND_ID, contact);
    const data = await loadData(dataDir);
    expect(data.parties.filter((p) => p.forbund === FORBUND_ID).flatMap((p) => p.orgNumbers.map((o) => o.value)).sort()).toEqual(Object.values(ORG).sort());
    expect(data.contacts.find((c) => c.forbund === FORBUND_ID)).toMatchObject({ party: 'samordningsforbundet-alvbacka', phone: CONTACT.phone, email: CONTACT.email });
    const core = await openCore(dataDir, FORBUND_ID);
    cores.push(core);
    const reply = await ask(core, 'Vem kontaktar jag på förbundet?');
    expect(reply.text).toContain(CONTACT.phone);
  });

  test('an accepted budget table must add up like all data; one that does not is refused and nothing changes', async () => {
    const table = (await pendingCandidates(dataDir, FORBUND_ID)).filter((p) => p.candidate.kind === 'table');
    const broken = table.map((p) => ({ ...p, candidate: { ...p.candidate, sum: [5000, 9999] } as Candidate }));
    await expect(acceptCandidates(dataDir, FORBUND_ID, broken)).rejects.toThrow('raderna summerar till 5150, angiven summa 9999');
    expect((await loadData(dataDir)).budgets.some((b) => b.forbund === FORBUND_ID)).toBe(false);
    await acceptCandidates(dataDir, FORBUND_ID, table);
    expect((await loadData(dataDir)).budgets.find((b) => b.forbund === FORBUND_ID)).toMatchObject({ unit: 'tkr', columns: ['2027', '2028'] });
  });

  test('a rejected candidate is recorded and not proposed again on re-ingest', async () => {
    const meeting = (await pendingCandidates(dataDir, FORBUND_ID)).filter((p) => p.candidate.kind === 'meeting').slice(0, 1);
    await rejectCandidates(dataDir, FORBUND_ID, meeting, 'fel datum');
    const log = JSON.parse(readFileSync(join(dataDir, FORBUND_ID, 'drafts', 'granskning.json'), 'utf8')) as { key: string; decision: string; reason?: string }[];
    expect(log.find((e) => e.key === meeting[0]?.candidate.key)).toMatchObject({ decision: 'rejected', reason: 'fel datum' });
    const again = await ingestDocument(dataDir, { forbund: FORBUND_ID, file: files.txt });
    expect(again.candidates.map((c) => c.key)).not.toContain(meeting[0]?.candidate.key);
  });

  test('every number in the accepted records stands in the document they cite', async () => {
    const data = await loadData(dataDir);
    const text = readFileSync(documentTextPath(dataDir, data.documents.find((d) => d.forbund.includes(FORBUND_ID) && d.kind === META.kind)!), 'utf8');
    const runs = new Set(text.match(/\d+/g) ?? []);
    const own = [...data.parties, ...data.contacts, ...data.calendarEvents].filter((r) => r.forbund === FORBUND_ID);
    const strings = own.flatMap((r) => Object.entries(r).filter(([k]) => !['note', 'source', 'origin', 'id', 'date', 'forbund'].includes(k)).map(([, v]) => JSON.stringify(v)));
    const missing = strings.flatMap((s) => (s.replace(/\b\d{4}-\d{2}-\d{2}\b/g, ' ').match(/\d{2,}/g) ?? []).filter((n) => !runs.has(n)));
    expect(missing).toEqual([]);
  });
});

describe('hot reload', () => {
  test('a running server picks up an ingested document without a restart', async () => {
    const dataDir = await freshData();
    const target = { data: await loadData(dataDir) };
    const results: { ok: boolean }[] = [];
    const watcher = watchData(dataDir, target, (r) => results.push(r), 50);
    try {
      await ingestDocument(dataDir, { forbund: FORBUND_ID, file: files.txt, ...META });
      const has = () => target.data.passages.some((p) => p.forbund === FORBUND_ID && p.source.section === TOLK_SECTION);
      for (let i = 0; i < 200 && !has(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(has()).toBe(true);
      expect(results.every((r) => r.ok)).toBe(true);
    } finally {
      watcher.close();
    }
  });
});

describe('re-ingesting a changed document', () => {
  test('replaces its passages and says which sections were added, removed and changed', async () => {
    const dataDir = await freshData();
    const file = join(tempDir('ingest-changed-'), 'avtal.txt');
    writeFileSync(file, agreementText(1));
    const first = await ingestDocument(dataDir, { forbund: FORBUND_ID, file, ...META });
    expect(first.replaced).toBe(false);
    writeFileSync(file, agreementText(2).replace('§ 7 Kontakt', '§ 7 Kontakter och frågor'));
    const second = await ingestDocument(dataDir, { forbund: FORBUND_ID, file });
    expect(second).toMatchObject({ replaced: true, added: ['§ 7 Kontakter och frågor'], removed: ['§ 7 Kontakt', '§ 9 Giltighet'], changed: ['§ 4 Insatser'] });
    const data = await loadData(dataDir);
    const passages = data.passages.filter((p) => p.forbund === FORBUND_ID);
    expect(passages.map((p) => p.source.section)).not.toContain('§ 9 Giltighet');
    expect(passages.find((p) => p.source.section === '§ 4 Insatser')?.text).toContain('Försäkringskassan arbetar i team');
    expect(data.documents.filter((d) => d.doc === first.doc)).toHaveLength(1);
  });
});

describe('an empty förbund', () => {
  test('validates, and the bot says what is not filled in yet', async () => {
    const dataDir = await freshData();
    const data = await loadData(dataDir, { defaultForbund: FORBUND_ID });
    expect(data.forbund.find((f) => f.id === FORBUND_ID)?.name).toBe(FORBUND_NAME);
    const core = await openCore(dataDir, FORBUND_ID);
    cores.push(core);
    for (const question of ['Vem kontaktar jag?', 'Vad åtar sig regionen?', 'Vad står det om uppföljning?']) {
      const reply = await ask(core, question);
      expect(reply.text).toContain(`${FORBUND_NAME} har inga dokument inlästa ännu`);
      expect(reply.text).toContain('kontakter');
    }
  });

  test('the bundled förbund answer as before beside it', async () => {
    const core = await openCore(await freshData());
    cores.push(core);
    const reply = await ask(core, 'Vem kontaktar jag på psykiatrin?');
    expect(reply.text).toContain('090-785 63 10');
  });
});
