import { existsSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { DataError, loadData } from '../data/load.js';
import type { Source } from '../data/schema.js';
import { normalize } from '../domain/text.js';
import { KIND_WORDS, partyKindOf, slugId, type Candidate, type CandidateKind } from './candidates.js';
import { readJsonArray, writeJsonFile, writeTextFile } from './dataFiles.js';
import { describeCandidate, readDraftFiles, readReviewLog, writeDraftFile, writeReviewLog, type ReviewEntry } from './drafts.js';

export interface Pending {
  candidate: Candidate;
  file: string;
}

/** The candidates waiting for review in a förbund's drafts/, in document order. */
export async function pendingCandidates(dataDir: string, forbund: string): Promise<Pending[]> {
  const decided = new Set((await readReviewLog(dataDir, forbund)).map((e) => e.key));
  return (await readDraftFiles(dataDir, forbund)).flatMap(({ file, drafts }) =>
    drafts.candidates.filter((c) => !decided.has(c.key)).map((candidate) => ({ candidate, file })));
}

/** The candidate kind a word of the review CLI names ("möten", "meetings", "organisationsnummer" …). */
export function kindOfWord(word: string): CandidateKind | undefined {
  const n = normalize(word);
  return (Object.keys(KIND_WORDS) as CandidateKind[]).find((k) => KIND_WORDS[k].some((w) => normalize(w) === n));
}

export interface AcceptOptions {
  /** The party a contact belongs to, where the candidate cannot tell. */
  party?: string;
  now?: Date;
}

type Row = Record<string, unknown> & { id: string };

/** Pending writes to curated files: file → its array, read once. */
class Edits {
  readonly files = new Map<string, Row[]>();
  constructor(private readonly folder: string) {}
  async get(name: string): Promise<Row[]> {
    const file = path.join(this.folder, name);
    let rows = this.files.get(file);
    if (!rows) {
      rows = (await readJsonArray(file)) as Row[];
      this.files.set(file, rows);
    }
    return rows;
  }
  async all(kind: string): Promise<{ name: string; rows: Row[] }[]> {
    const pending = [...this.files.keys()].map((f) => path.basename(f));
    const names = [...new Set([...await readdir(this.folder), ...pending])].filter((f) => f.endsWith('.json') && f.split('.')[0] === kind).sort();
    return Promise.all(names.map(async (name) => ({ name, rows: await this.get(name) })));
  }
}

function uniqueId(rows: readonly Row[], wanted: string, taken: (id: string) => boolean): string {
  let id = wanted;
  for (let n = 2; rows.some((r) => r.id === id) || taken(id); n += 1) id = `${wanted}-${n}`;
  return id;
}

function stemOf(source: Source): string {
  return slugId(source.doc.replace(/\.txt$/, ''), 30);
}

const fromIngest = (c: Candidate) => `Godkänt ur data:ingest (${c.id}): "${c.context.slice(0, 300)}"`;

async function findParty(edits: Edits, name: string): Promise<{ row: Row } | undefined> {
  const n = normalize(name);
  for (const { rows } of await edits.all('parties')) {
    const row = rows.find((r) => normalize(String(r.name)) === n || (r.aliases as string[] | undefined)?.some((a) => normalize(a) === n));
    if (row) return { row };
  }
  return undefined;
}

async function addParty(edits: Edits, c: Candidate & { kind: 'party' | 'orgNumber' }): Promise<string> {
  const name = c.name;
  if (!name) throw new Error(`${c.id}: förslaget saknar partens namn; lägg till organisationsnumret för hand i parties.json.`);
  const orgNumber = c.kind === 'party' ? c.orgNumber : c.value;
  const existing = await findParty(edits, name);
  if (existing) {
    const numbers = (existing.row.orgNumbers as { value: string }[] | undefined) ?? [];
    if (orgNumber && !numbers.some((o) => o.value === orgNumber)) existing.row.orgNumbers = [...numbers, { value: orgNumber, source: c.source }];
    return `parties ${existing.row.id}`;
  }
  const file = `parties.${stemOf(c.source)}.json`;
  const rows = await edits.get(file);
  const all = (await edits.all('parties')).flatMap((x) => x.rows);
  const partyKind = c.kind === 'party' ? c.partyKind : partyKindOf(name);
  const id = uniqueId(rows, slugId(name), (x) => all.some((r) => r.id === x));
  rows.push({
    id,
    name,
    kind: partyKind,
    orgNumbers: orgNumber ? [{ value: orgNumber, source: c.source }] : [],
    aliases: [],
    units: [],
    source: c.source,
    note: `${fromIngest(c)}${partyKind === 'other' ? ' Partstypen är inte känd: ändra kind (stat, region, kommun, forbund, other) vid behov.' : ''}`,
  });
  return `${file} ${id}`;
}

async function addMeeting(edits: Edits, c: Candidate & { kind: 'meeting' }): Promise<string> {
  const stem = stemOf(c.source);
  let organ: string | undefined;
  if (c.organ) {
    const organs = (await edits.all('organs')).flatMap((x) => x.rows);
    const known = organs.find((o) => o.id === c.organ?.id);
    if (known) organ = known.id;
    else {
      const file = `organs.${stem}.json`;
      const rows = await edits.get(file);
      organ = c.organ.id;
      rows.push({
        id: organ,
        name: c.organ.name,
        aliases: [...new Set([c.organ.name.toLowerCase(), c.organ.kind])],
        kind: c.organ.kind,
        source: c.source,
        note: `Skapad när ett möte godkändes ur data:ingest (${c.id}).`,
      });
    }
  }
  const file = `calendarEvents.${stem}.json`;
  const rows = await edits.get(file);
  const all = (await edits.all('calendarEvents')).flatMap((x) => x.rows);
  const id = uniqueId(rows, `${organ ?? (c.eventKind === 'deadline' ? 'deadline' : 'mote')}-${c.date}`, (x) => all.some((r) => r.id === x));
  rows.push({
    id,
    kind: c.eventKind,
    ...(organ ? { organ } : {}),
    date: c.date,
    ...(c.partOfDay ? { partOfDay: c.partOfDay } : {}),
    ...(c.startTime ? { startTime: c.startTime } : {}),
    ...(c.endTime ? { endTime: c.endTime } : {}),
    title: c.title,
    source: c.source,
    note: fromIngest(c),
  });
  return `${file} ${id}`;
}

async function addContact(edits: Edits, c: Candidate & { kind: 'contact' }, options: AcceptOptions): Promise<string> {
  const parties = (await edits.all('parties')).flatMap((x) => x.rows);
  const context = normalize(c.context);
  const party = options.party
    ?? parties.find((p) => normalize(String(p.name)).length > 3 && context.includes(normalize(String(p.name))))?.id
    ?? parties.find((p) => p.kind === 'forbund')?.id;
  if (!party) {
    throw new Error(`${c.id}: kontakten behöver en part. Ange --party <id>${parties.length ? ` (kända: ${parties.map((p) => p.id).join(', ')})` : ' – godkänn först förbundet bland parterna (data:review … accept --all-kind parter)'}.`);
  }
  if (!parties.some((p) => p.id === party)) throw new Error(`${c.id}: parten "${party}" finns inte bland parterna (kända: ${parties.map((p) => p.id).join(', ')}).`);
  const file = `contacts.${stemOf(c.source)}.json`;
  const rows = await edits.get(file);
  const all = (await edits.all('contacts')).flatMap((x) => x.rows);
  const id = uniqueId(rows, slugId(c.role, 40), (x) => all.some((r) => r.id === x));
  rows.push({
    id,
    party,
    role: c.role,
    ...(c.phone ? { phone: c.phone } : {}),
    ...(c.email ? { email: c.email } : {}),
    scope: c.source.section,
    source: c.source,
    note: fromIngest(c),
  });
  return `${file} ${id}`;
}

async function addTable(edits: Edits, forbund: string, c: Candidate & { kind: 'table' }): Promise<string> {
  const file = `budgets.${stemOf(c.source)}.json`;
  const rows = await edits.get(file);
  const all = (await edits.all('budgets')).flatMap((x) => x.rows);
  const id = uniqueId(rows, slugId(c.title, 40), (x) => all.some((r) => r.id === x));
  const kindOf = (text: string) => {
    const n = normalize(text);
    return /intakt/.test(n) && !/kostnad/.test(n) ? 'income' as const : /kostnad/.test(n) ? 'cost' as const : 'other' as const;
  };
  const used = new Set<string>();
  const rowsOf = (list: readonly { label: string; values: number[] }[]) => list.map((r) => {
    const rowId = uniqueId([], slugId(r.label, 40), (x) => used.has(x));
    used.add(rowId);
    return { id: rowId, label: r.label, values: r.values };
  });
  // One section per part the document sums ("Summa intäkter", "Summa kostnader"), else the whole table.
  const parts = c.groups ?? [{ label: c.title, rows: c.rows, ...(c.sum ? { sum: c.sum } : {}) }];
  const sectionIds = new Set<string>();
  rows.push({
    id,
    forbund,
    title: c.title,
    unit: c.unit,
    columns: c.columns,
    sections: parts.map((p) => {
      const sectionId = c.groups ? uniqueId([], slugId(p.label, 40), (x) => sectionIds.has(x)) : 'poster';
      sectionIds.add(sectionId);
      return {
        id: sectionId,
        label: p.label,
        kind: kindOf(c.groups ? p.label : `${c.title} ${c.context}`),
        rows: rowsOf(p.rows),
        ...(p.sum ? { sum: p.sum } : {}),
      };
    }),
    source: c.source,
    note: fromIngest(c),
  });
  return `${file} ${id}`;
}

export interface ReviewOutcome {
  done: { candidate: Candidate; into?: string }[];
  /** Lines for the user, Swedish. */
  messages: string[];
}

/**
 * Accepts candidates: each becomes a curated record with its source in a file of its kind for its
 * document (`calendarEvents.<doc>.json`, `parties.<doc>.json` …), a meeting's organ is created when
 * the förbund has none of that kind yet, an org number joins the party of that name. All of data/ is
 * validated before anything is kept: if it does not validate, every file is put back and nothing is
 * marked accepted.
 */
export async function acceptCandidates(dataDir: string, forbund: string, chosen: readonly Pending[], options: AcceptOptions = {}): Promise<ReviewOutcome> {
  const folder = path.join(dataDir, forbund);
  await loadData(dataDir);
  const edits = new Edits(folder);
  const done: { candidate: Candidate; into?: string }[] = [];
  for (const { candidate: c } of chosen) {
    let into: string;
    if (c.kind === 'meeting') into = await addMeeting(edits, c);
    else if (c.kind === 'party' || c.kind === 'orgNumber') into = await addParty(edits, c);
    else if (c.kind === 'contact') into = await addContact(edits, c, options);
    else into = await addTable(edits, forbund, c);
    done.push({ candidate: c, into });
  }
  const backups = new Map<string, string | undefined>();
  for (const file of edits.files.keys()) backups.set(file, existsSync(file) ? await readFile(file, 'utf8') : undefined);
  try {
    for (const [file, rows] of edits.files) await writeJsonFile(file, rows);
    await loadData(dataDir);
  } catch (error) {
    for (const [file, content] of backups) {
      if (content === undefined) await rm(file, { force: true });
      else await writeTextFile(file, content);
    }
    throw new Error(`Inget godkändes: med förslagen blir data/ ogiltig.\n${error instanceof DataError ? error.message : (error as Error).message}`);
  }
  await record(dataDir, forbund, done.map((d) => ({ ...d, decision: 'accepted' as const })), options.now);
  return { done, messages: done.map((d) => `Godkänt ${d.candidate.id} (${describeCandidate(d.candidate)}) → ${d.into}`) };
}

/** Rejects candidates: recorded in drafts/granskning.json, so a re-ingest does not propose them again. */
export async function rejectCandidates(dataDir: string, forbund: string, chosen: readonly Pending[], reason?: string, now?: Date): Promise<ReviewOutcome> {
  const done = chosen.map((p) => ({ candidate: p.candidate }));
  await record(dataDir, forbund, done.map((d) => ({ ...d, decision: 'rejected' as const, reason })), now);
  return { done, messages: done.map((d) => `Avvisat ${d.candidate.id} (${describeCandidate(d.candidate)}); föreslås inte igen.`) };
}

async function record(
  dataDir: string, forbund: string,
  decisions: { candidate: Candidate; into?: string; decision: 'accepted' | 'rejected'; reason?: string }[],
  now = new Date(),
): Promise<void> {
  const log = await readReviewLog(dataDir, forbund);
  const at = now.toISOString();
  const entries: ReviewEntry[] = decisions.map((d) => ({
    key: d.candidate.key,
    draftId: d.candidate.id,
    kind: d.candidate.kind,
    decision: d.decision,
    at,
    summary: describeCandidate(d.candidate),
    doc: d.candidate.source.doc,
    ...(d.into ? { into: d.into } : {}),
    ...(d.reason ? { reason: d.reason } : {}),
  }));
  await writeReviewLog(dataDir, forbund, [...log, ...entries]);
  const keys = new Set(entries.map((e) => e.key));
  for (const { file, drafts } of await readDraftFiles(dataDir, forbund)) {
    const left = drafts.candidates.filter((c) => !keys.has(c.key));
    if (left.length !== drafts.candidates.length) await writeDraftFile(file, { ...drafts, candidates: left });
  }
}
