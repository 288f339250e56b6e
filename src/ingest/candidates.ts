import { createHash } from 'node:crypto';
import { z } from 'zod';
import { luhnValid } from '../domain/personnummer.js';
import { normalize } from '../domain/text.js';
import { isoDateSchema, organKindSchema, partyKindSchema, sourceSchema } from '../data/schema.js';
import { sectionText, type Section } from './sections.js';

/**
 * Candidate facts data:ingest finds in a document, for the kansli to review (data:review). None of
 * them is served as a fact: they live in data/<förbund>/drafts/, which the loader never reads.
 * Each carries its source section and the sentence it was read from.
 */
const base = {
  id: z.string(),
  /** What makes two candidates the same fact (a rejected key is never proposed again). */
  key: z.string(),
  source: sourceSchema,
  /** The sentence or line the candidate was read from, as it stands. */
  context: z.string(),
};

const organGuessSchema = z.object({ id: z.string(), name: z.string(), kind: organKindSchema });

export const candidateSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('orgNumber'), name: z.string(), value: z.string() }),
  z.object({ ...base, kind: z.literal('party'), name: z.string(), partyKind: partyKindSchema, orgNumber: z.string().optional() }),
  z.object({
    ...base,
    kind: z.literal('contact'),
    role: z.string(),
    phone: z.string().optional(),
    email: z.string().optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('meeting'),
    eventKind: z.enum(['meeting', 'deadline']),
    date: isoDateSchema,
    title: z.string(),
    organ: organGuessSchema.optional(),
    partOfDay: z.enum(['formiddag', 'eftermiddag', 'heldag']).optional(),
    startTime: z.string().optional(),
    endTime: z.string().optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('table'),
    title: z.string(),
    unit: z.enum(['tkr', 'kr']),
    columns: z.array(z.string()),
    rows: z.array(z.object({ label: z.string(), values: z.array(z.number()) })),
    sum: z.array(z.number()).optional(),
    /**
     * A table with a sum row per part ("Summa intäkter", "Summa kostnader"): its parts in order, each
     * its rows and stated sum (rows after the last sum row are a part without one). Absent: one part.
     */
    groups: z.array(z.object({
      label: z.string(),
      rows: z.array(z.object({ label: z.string(), values: z.array(z.number()) })),
      sum: z.array(z.number()).optional(),
    })).optional(),
  }),
]);
export type Candidate = z.infer<typeof candidateSchema>;
export type CandidateKind = Candidate['kind'];
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type NewCandidate = DistributiveOmit<Candidate, 'id'>;

/** What the review CLI calls each kind (also accepted after --all-kind), in Swedish and English. */
export const KIND_WORDS: Record<CandidateKind, string[]> = {
  orgNumber: ['organisationsnummer', 'orgnummer', 'orgNumbers', 'org'],
  party: ['parter', 'parties', 'party'],
  contact: ['kontakter', 'contacts', 'contact'],
  meeting: ['möten', 'moten', 'meetings', 'meeting', 'deadlines'],
  table: ['belopp', 'tabeller', 'amounts', 'tables', 'budget'],
};

const ID_PREFIX: Record<CandidateKind, string> = { orgNumber: 'org', party: 'part', contact: 'kontakt', meeting: 'mote', table: 'belopp' };

function withId(c: NewCandidate): Candidate {
  return { ...c, id: `${ID_PREFIX[c.kind]}-${createHash('sha256').update(c.key).digest('hex').slice(0, 6)}` };
}

/** Lower-case kebab-case id from a name ("Norrviks kommun" → "norrviks-kommun"). */
export function slugId(text: string, max = 48): string {
  const slug = normalize(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.slice(0, max).replace(/-+$/, '') || 'post';
}

const ORG_NUMBER = /(?<![\d-])(\d{6})-(\d{4})(?![\d-])/g;
const ORG_LABEL = /[\s,;:(–-]*(?:org(?:anisations)?\.?\s*-?\s*n(?:umme)?r\.?|orgnr)[\s:.]*$/iu;

/** A legal person's number: ten digits, the month digits 20 or more (no person's birth month), Luhn-valid. */
export function isOrgNumber(value: string): boolean {
  const digits = value.replace('-', '');
  return /^\d{10}$/.test(digits) && Number(digits.slice(2, 4)) >= 20 && luhnValid(digits);
}

export function partyKindOf(name: string): z.infer<typeof partyKindSchema> {
  const n = normalize(name);
  if (/\bkommun\b|kommuns?$/.test(n)) return 'kommun';
  if (/^region\b|\blandsting/.test(n)) return 'region';
  if (/samordningsforbund/.test(n)) return 'forbund';
  return 'other';
}

/** The name before an org number on its line: "Norrviks kommun, org.nr 212000-0142" → "Norrviks kommun". */
function nameBefore(line: string, index: number): string {
  let before = line.slice(0, index).replace(ORG_LABEL, '');
  before = before.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '');
  const clause = before.split(/[;:]|\s(?:och|samt)\s|\t/).pop() ?? before;
  return clause.replace(/[\s,(–-]+$/, '').replace(/^[\s,)]+/, '').trim();
}

const PHONE = /(?<![\d-])(?:\+46[ ]?\d{1,3}|0\d{1,3})(?:[-–][ ]?|[ ])\d{2,3}(?:[ ]?\d{2,3}){1,2}(?![\d-])/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const CONTACT_LABEL = /\b(?:tel(?:efon)?|mobil|e-?post|mejl|mail|e-mail)\b\.?[:]?/giu;

/** A contact line without its numbers, addresses and their labels: "Förbundschef Maria Lindqvist, telefon 0612-…" → "Förbundschef Maria Lindqvist". */
function roleText(line: string): string {
  const bare = line.replace(PHONE, '').replace(EMAIL, '').replace(CONTACT_LABEL, '');
  return bare.split(/[,;]/).map((part) => part.replace(/^[\s:.–-]+|[\s:.–-]+$/g, '')).filter(Boolean).join(', ');
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const DATE_ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const DATE_WORDS = new RegExp(`\\b(\\d{1,2})\\s+(${MONTHS.join('|')})\\s+(\\d{4})\\b`, 'giu');

/** Words for the organ kinds every förbund has (the concept, not a förbund's name for it). */
const ORGAN_WORDS: [RegExp, z.infer<typeof organKindSchema>][] = [
  [/\bstyrelse/, 'styrelse'],
  [/\bberedningsgrupp/, 'beredningsgrupp'],
  [/\bstyrgrupp/, 'styrgrupp'],
  [/utskott/, 'utskott'],
  [/samverkansgrupp/, 'samverkansgrupp'],
  [/\barbetsgrupp/, 'arbetsgrupp'],
];

const MEETING_WORDS = /\b(mote|moten|motet|sammantrade|sammantraden|sammantrader|traffas|halls|planeringsdag|workshop|arsmote)/;
const WEEKDAYS = /\b(mandag|tisdag|onsdag|torsdag|fredag|lordag|sondag)(en)?\b/g;

/**
 * A line of a date list ("- fredag 12 februari 2027, kl. 9–12", "Möte 2027-02-12"): nothing before
 * its first date but a bullet, a weekday or a word for a meeting. Only such a line takes the organ
 * named above it; "Förbundsstämman hålls 2027-04-23" speaks of its own subject.
 */
function isDateItem(text: string, firstDate: number): boolean {
  const before = normalize(text.slice(0, firstDate)).replace(WEEKDAYS, ' ').replace(new RegExp(MEETING_WORDS.source, 'g'), ' ');
  return !/\p{L}/u.test(before.replace(/\b(den|datum|kl)\b/g, ' '));
}
const DEADLINE_WORDS = /\b(senast|deadline|sista dag|ska vara .* tillhanda|lamnas in|inlamning)/;

function sentencesOf(section: Section): { text: string; line: string }[] {
  const out: { text: string; line: string }[] = [];
  for (const line of section.lines) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    for (const s of trimmed.split(/(?<=[.!?])\s+(?=\p{Lu})/u)) out.push({ text: s.replace(/\t+/g, ' · '), line: trimmed });
  }
  return out;
}

function timesOf(text: string): { startTime?: string; endTime?: string } {
  const m = /\bkl\.?\s*(\d{1,2})(?:[.:](\d{2}))?(?:\s*[-–]\s*(\d{1,2})(?:[.:](\d{2}))?)?/i.exec(text);
  if (!m) return {};
  const pad = (h?: string, min?: string) => (h === undefined ? undefined : `${h.padStart(2, '0')}:${min ?? '00'}`);
  const startTime = pad(m[1], m[2]);
  const endTime = pad(m[3], m[4]);
  return { ...(startTime ? { startTime } : {}), ...(endTime ? { endTime } : {}) };
}

function partOfDayOf(n: string): 'formiddag' | 'eftermiddag' | 'heldag' | undefined {
  if (/formiddag/.test(n)) return 'formiddag';
  if (/eftermiddag/.test(n)) return 'eftermiddag';
  if (/heldag/.test(n)) return 'heldag';
  return undefined;
}

/** "styrelse" → "Styrelsen", "beredningsgrupp" → "Beredningsgruppen", "utskott" → "Utskottet". */
function definite(word: string): string {
  const form = word.endsWith('e') ? `${word}n` : word.endsWith('tt') ? `${word}et` : `${word}en`;
  return form.charAt(0).toUpperCase() + form.slice(1);
}

/** The organ a sentence (or its section) speaks of: one of the förbund's organs by name or alias, else the organ kind's word. */
function organOf(n: string, heading: string, organs: readonly { id: string; name: string; aliases: string[]; kind: z.infer<typeof organKindSchema> }[]): z.infer<typeof organGuessSchema> | undefined {
  for (const text of [n, normalize(heading)]) {
    const known = organs.find((o) => [o.name, ...o.aliases].some((a) => normalize(a).length > 2 && text.includes(normalize(a))));
    if (known) return { id: known.id, name: known.name, kind: known.kind };
    for (const [re, kind] of ORGAN_WORDS) {
      const m = re.exec(text);
      if (m) {
        const existing = organs.find((o) => o.kind === kind);
        if (existing) return { id: existing.id, name: existing.name, kind };
        return { id: kind, name: definite(kind), kind };
      }
    }
  }
  return undefined;
}

function amount(cell: string): number | undefined {
  const t = cell.trim().replace(/\s+(tkr|kr|kronor)$/i, '');
  if (!/^[-−–]?\d{1,3}(?:[ .]\d{3})*(?:,\d+)?$|^[-−–]?\d+(?:,\d+)?$/.test(t)) return undefined;
  return Number(t.replace(/[−–]/, '-').replace(/[ .](?=\d{3}\b)/g, '').replace(',', '.'));
}

function cellsOf(line: string): string[] | undefined {
  if (line.includes('|')) {
    const cells = line.replace(/^\s*\|/, '').replace(/\|\s*$/, '').split('|').map((c) => c.trim());
    if (cells.every((c) => /^:?-{3,}:?$/.test(c))) return undefined;
    return cells.length >= 2 ? cells : undefined;
  }
  const cells = line.split(/\t+|\s{2,}/).map((c) => c.trim()).filter(Boolean);
  return cells.length >= 2 ? cells : undefined;
}

/** A part's name from its sum row: "Summa intäkter" → "Intäkter"; a bare "Summa" names no part. */
function groupLabel(sumLabel: string, fallback: string): string {
  const rest = sumLabel.replace(/^(summa|totalt|total|s:a)\b[\s:]*/i, '').trim();
  return rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : fallback;
}

/** Tables in a section: runs of lines with the same number of cells; the first row is the header when it holds no amounts. */
function tablesOf(section: Section, doc: string): NewCandidate[] {
  const out: NewCandidate[] = [];
  const runs: string[][][] = [];
  let run: string[][] = [];
  for (const line of [...section.lines, '']) {
    if (/^\s*\|?\s*:?-{3,}/.test(line)) continue;
    const cells = cellsOf(line);
    if (cells && (run.length === 0 || run[0]?.length === cells.length)) run.push(cells);
    else {
      if (run.length >= 2) runs.push(run);
      run = cells ? [cells] : [];
    }
  }
  const text = normalize(`${section.heading} ${sectionText(section)}`);
  for (const rows of runs) {
    const [header, ...body] = rows;
    // A header names its columns: words, or years ("2027"), never amounts.
    if (!header || amount(header[0] ?? '') !== undefined || header.slice(1).some((c) => amount(c) !== undefined && !/^(19|20)\d{2}$/.test(c.trim()))) continue;
    const data = body.map((r) => ({ label: r[0] ?? '', values: r.slice(1).map(amount) }))
      .filter((r) => r.values.every((v) => v !== undefined)) as { label: string; values: number[] }[];
    if (data.length === 0) continue;
    const isSum = (r: { label: string }) => /^(summa|totalt|total|s:a)\b/i.test(r.label);
    const sumRow = data.find(isSum);
    const groups: { label: string; rows: { label: string; values: number[] }[]; sum?: number[] }[] = [];
    let part: { label: string; values: number[] }[] = [];
    for (const r of data) {
      if (!isSum(r)) part.push(r);
      else {
        groups.push({ label: groupLabel(r.label, section.title), rows: part, sum: r.values });
        part = [];
      }
    }
    if (part.length > 0) groups.push({ label: section.title, rows: part });
    const columns = header.slice(1);
    out.push({
      kind: 'table',
      key: `table:${doc}:${normalize(section.heading)}:${normalize(header.join('|'))}`,
      source: { doc, section: section.heading },
      context: rows.map((r) => r.join(' · ')).join(' / '),
      title: section.title,
      unit: /\btkr\b/.test(text) || header.some((c) => /tkr/i.test(c)) ? 'tkr' : 'kr',
      columns,
      rows: data.filter((r) => !isSum(r)),
      ...(sumRow ? { sum: sumRow.values } : {}),
      ...(groups.length > 1 ? { groups } : {}),
    });
  }
  return out;
}

export interface CandidateContext {
  /** The förbund's organs already curated, so a meeting is filed under the group it already has. */
  organs: readonly { id: string; name: string; aliases: string[]; kind: z.infer<typeof organKindSchema> }[];
}

/** Every candidate in a document's sections, in document order, one per key. */
export function findCandidates(doc: string, sections: readonly Section[], context: CandidateContext): Candidate[] {
  const out: NewCandidate[] = [];
  for (const section of sections) {
    const source = { doc, section: section.heading };
    const isParter = /^parter\b|\bparter$/.test(normalize(section.title));
    const inPlan = /motesplan|sammantradesplan|motestider|arshjul/.test(normalize(section.title));

    for (const line of section.lines) {
      for (const m of line.matchAll(ORG_NUMBER)) {
        const value = `${m[1]}-${m[2]}`;
        if (!isOrgNumber(value)) continue;
        const name = nameBefore(line, m.index ?? 0);
        if (isParter && name) out.push({ kind: 'party', key: `party:${normalize(name)}`, source, context: line.trim(), name, partyKind: partyKindOf(name), orgNumber: value });
        else out.push({ kind: 'orgNumber', key: `orgNumber:${value}`, source, context: line.trim(), name, value });
      }
      if (isParter) {
        const item = /^\s*(?:[-*•]|\d+[.)])\s+(.+)$/.exec(line)?.[1]?.trim();
        if (item && !ORG_NUMBER.test(item)) {
          const name = item.split(/[,(]/)[0]?.trim() ?? '';
          if (name) out.push({ kind: 'party', key: `party:${normalize(name)}`, source, context: line.trim(), name, partyKind: partyKindOf(name) });
        }
        ORG_NUMBER.lastIndex = 0;
      }
    }

    // Contacts: a paragraph (lines between blank lines) with a phone number or an e-mail address.
    const paragraphs: string[][] = [[]];
    for (const line of section.lines) {
      if (line.trim() === '') paragraphs.push([]);
      else paragraphs[paragraphs.length - 1]?.push(line.trim());
    }
    let previous: string[] = [];
    for (const para of paragraphs.filter((p) => p.length > 0)) {
      const before = previous;
      previous = para;
      const joined = para.join(' ');
      const phones = [...joined.matchAll(PHONE)].map((m) => m[0].trim());
      const emails = [...joined.matchAll(EMAIL)].map((m) => m[0]);
      if (phones.length === 0 && emails.length === 0) continue;
      // The role stands on a line of its own: in the paragraph, or just above it (a .docx paragraph each).
      const plainLine = (l: string) => !new RegExp(PHONE.source).test(l) && !new RegExp(EMAIL.source).test(l);
      const above = before.length === 1 && (before[0] ?? '').length <= 100 && plainLine(before[0] ?? '') ? before[0] : undefined;
      // Else it opens the line with the number: "Förbundschef Maria Lindqvist, telefon 0612-34 56 78, e-post …".
      const roleLine = para.find(plainLine) ?? above ?? para[0] ?? '';
      const role = roleText(roleLine) || section.title;
      out.push({
        kind: 'contact',
        key: `contact:${phones[0] ?? ''}:${emails[0]?.toLowerCase() ?? ''}`,
        source,
        context: above && !para.some(plainLine) ? `${above} ${joined}` : joined,
        role,
        ...(phones[0] ? { phone: phones[0] } : {}),
        ...(emails[0] ? { email: emails[0] } : {}),
      });
    }

    // A list under "Styrelsen sammanträder följande dagar:" names the organ once, above the dates.
    let lastOrgan: ReturnType<typeof organOf>;
    for (const s of sentencesOf(section)) {
      const dates: string[] = [];
      let firstDate = s.text.length;
      for (const m of s.text.matchAll(DATE_ISO)) {
        dates.push(`${m[1]}-${m[2]}-${m[3]}`);
        firstDate = Math.min(firstDate, m.index ?? firstDate);
      }
      for (const m of s.text.matchAll(DATE_WORDS)) {
        const month = MONTHS.indexOf((m[2] ?? '').toLowerCase()) + 1;
        dates.push(`${m[3]}-${String(month).padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`);
        firstDate = Math.min(firstDate, m.index ?? firstDate);
      }
      const n = normalize(s.text);
      const deadline = DEADLINE_WORDS.test(n);
      const named = organOf(n, section.heading, context.organs);
      if (named) lastOrgan = named;
      if (dates.length === 0) continue;
      const organ = named ?? (inPlan && isDateItem(s.text, firstDate) ? lastOrgan : undefined);
      if (!deadline && !MEETING_WORDS.test(n) && !inPlan) continue;
      if (!deadline && !organ && !MEETING_WORDS.test(n)) continue;
      for (const date of new Set(dates)) {
        if (!isoDateSchema.safeParse(date).success || Number.isNaN(new Date(`${date}T12:00:00Z`).getTime())) continue;
        const eventKind = deadline ? 'deadline' : 'meeting';
        out.push({
          kind: 'meeting',
          key: `meeting:${date}:${organ?.kind ?? ''}:${eventKind}`,
          source,
          context: s.text,
          eventKind,
          date,
          // Without a known organ the sentence says what meets ("Förbundsstämman hålls …"), as a deadline's does.
          title: eventKind === 'deadline' || !organ ? s.text.replace(/\s+/g, ' ').slice(0, 120) : `Möte i ${organ.name.toLowerCase()}`,
          ...(organ ? { organ } : {}),
          ...(partOfDayOf(n) ? { partOfDay: partOfDayOf(n) } : {}),
          ...timesOf(s.text),
        });
      }
    }

    out.push(...tablesOf(section, doc));
  }
  const byKey = new Map<string, Candidate>();
  for (const c of out) if (!byKey.has(c.key)) byKey.set(c.key, withId(c));
  return [...byKey.values()];
}
