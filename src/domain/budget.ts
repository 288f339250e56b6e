import type { Budget, Figure, Party, Source, Verksamhet } from '../data/schema.js';
import { fuzzyWordMatch } from './fuzzy.js';
import { stemSwedish } from './search/tokenize.js';
import { normalize } from './text.js';
import { memoizeText } from './textMemo.js';

/**
 * Budget questions answered from the curated budget tables in data/ (issue 3 and 7): a förbund's
 * budget (001, Bilaga 6) or a verksamhet's (003). What each table and section is (sökta medel,
 * kostnad per tjänst, kansli och styrelse …) is its `role` in data/. Pure: the tables, names, the
 * question and its förbund come in, plain values go out; the dialog turns them into a Reply.
 */

/** A budget table with the förbund folder it was loaded from. */
export type BudgetTable = Budget & { forbund: string };

/** Names people use for a party or a verksamhet, from data/ (name + aliases). */
export interface NamedRecord {
  id: string;
  forbund: string;
  name: string;
  aliases?: readonly string[];
  /** A party's kind (kommun, region …). */
  partyKind?: string;
  /** A verksamhet's umbrella (data/ `partOf`). */
  partOf?: string;
}

/** The names of the parties (with their kind) and verksamheter (with their umbrella) of data/. */
export function namedRecordsOf(data: { parties: readonly (Party & { forbund: string })[]; verksamheter: readonly (Verksamhet & { forbund: string })[] }): NamedRecord[] {
  // Once per data object (the lists are the data's own): the rows' names below are cached by it.
  const hit = namedCache.get(data.parties);
  if (hit?.verksamheter === data.verksamheter) return hit.records;
  const records = [
    ...data.parties.map((r) => ({ id: r.id, forbund: r.forbund, name: r.name, aliases: r.aliases, partyKind: r.kind })),
    ...data.verksamheter.map((r) => ({ id: r.id, forbund: r.forbund, name: r.name, aliases: r.aliases, partOf: r.partOf })),
  ];
  namedCache.set(data.parties, { verksamheter: data.verksamheter, records });
  return records;
}

const namedCache = new WeakMap<readonly unknown[], { verksamheter: readonly unknown[]; records: NamedRecord[] }>();

/** One stated figure of the answer. */
export interface BudgetFigure {
  label: string;
  column: string;
  value: number | null;
  unit: Budget['unit'];
  /** Printed costs are negative in 001; the answer speaks of amounts. */
  isCost: boolean;
  uncertain: boolean;
  /** What the OCR printed and how the value was reconciled, or why it is uncertain. */
  note?: string;
  raw?: string;
  alternatives?: number[];
}

export interface BudgetAnswer {
  /** One-line summary, Swedish. */
  headline: string;
  figures: BudgetFigure[];
  tables: BudgetTable[];
  sources: Source[];
  /** True when a figure of the answer is marked uncertain in data/. */
  uncertain: boolean;
  /** True when the table has no figures for what was asked (e.g. a year it does not cover). */
  notStated?: boolean;
}

type Target =
  | { kind: 'rows'; rows: { table: BudgetTable; sectionIndex: number; rowIndex: number }[] }
  | { kind: 'section'; table: BudgetTable; sectionIndex: number }
  | { kind: 'costTotal'; table: BudgetTable }
  | { kind: 'result'; table: BudgetTable }
  | { kind: 'equity'; table: BudgetTable }
  | { kind: 'overview'; tables: BudgetTable[] }
  | { kind: 'several'; targets: Target[] };

function words(normalized: string): string[] {
  return normalized.split(/[\s/:.]+/).filter((w) => w !== '');
}

/** True when every word of `phrase` (normalised) matches a word of the question, one typo allowed in long words. */
function phraseIn(phrase: string, questionWords: readonly string[]): boolean {
  const ws = phraseWords(phrase);
  if (ws.length === 0) return false;
  const qs = withParts(questionWords);
  // A compound or an inflection holds the word's stem ("styrelseledamot" names "styrelsen", "arvode" "arvoden").
  return ws.every(({ w, stem }) => qs.some((q) => q === w || fuzzyWordMatch(q, w) || (w.length >= 5 && q.startsWith(w)) || (stem.length >= 5 && q.startsWith(stem))));
}

/** A phrase's words but numbers, with their stems: the same row names are read for every row on every budget turn. */
const phraseWords = memoizeText((phrase: string): readonly { w: string; stem: string }[] =>
  words(normalize(phrase)).filter((w) => !/^\d+$/.test(w)).map((w) => ({ w, stem: stemSwedish(w) })));

const partsCache = new WeakMap<readonly string[], readonly string[]>();

/** The question's words and the parts of its hyphenated ones ("ESF-förstudien" names the row "ESF förstudie"), once per question. */
function withParts(questionWords: readonly string[]): readonly string[] {
  let qs = partsCache.get(questionWords);
  if (!qs) {
    qs = questionWords.flatMap((q) => (q.includes('-') ? [q, ...q.split('-').filter((p) => p !== '')] : [q]));
    partsCache.set(questionWords, qs);
  }
  return qs;
}

function hasWord(questionWords: readonly string[], ...candidates: string[]): boolean {
  return candidates.some((c) => questionWords.some((q) => q === c || (c.length >= 5 && q.startsWith(c))));
}

/** The figure's number and how it was read. */
function readFigure(f: Figure): Pick<BudgetFigure, 'value' | 'uncertain' | 'note' | 'raw' | 'alternatives'> {
  if (typeof f === 'number') return { value: f, uncertain: false };
  return { value: f.value, uncertain: f.uncertain === true, note: f.note, raw: f.raw, alternatives: f.alternatives };
}

/** "2 190" — Swedish thousands grouping with a plain space; decimals with a comma. */
export function formatAmount(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const [int, dec] = (Number.isInteger(abs) ? String(abs) : String(Math.round(abs * 100) / 100)).split('.');
  const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${grouped}${dec ? `,${dec}` : ''}`;
}

/** "2 190 tkr" for a figure, the amount without the printed minus for costs. */
export function formatFigure(f: BudgetFigure): string {
  if (f.value === null) return 'inget belopp';
  const shown = f.isCost ? Math.abs(f.value) : f.value;
  return `${formatAmount(shown)} ${f.unit}`;
}

/** Years asked about: explicit four-digit years, or "i år"/"nästa år"/"förra året" relative to `now`. */
export function yearsIn(normalized: string, now?: Date): string[] {
  const explicit = [...normalized.matchAll(/\b(20\d\d)\b/g)].map((m) => m[1] ?? '');
  if (explicit.length > 0) return [...new Set(explicit)];
  if (!now) return [];
  const y = now.getUTCFullYear();
  if (/\b(i ar|detta ar|innevarande ar)\b/.test(normalized)) return [String(y)];
  if (/\bnasta ar\b/.test(normalized)) return [String(y + 1)];
  if (/\b(forra aret|forra ar|i fjol)\b/.test(normalized)) return [String(y - 1)];
  return [];
}

/** The names of a record: its name and its aliases of three letters or more. */
function namesOf(r: NamedRecord): string[] {
  return [r.name, ...(r.aliases ?? []).filter((a) => normalize(a).length >= 3)];
}

/** Names a row answers to: its label (text before a comma), the verksamhet's and the party's names and aliases. */
function rowNames(row: Budget['sections'][number]['rows'][number], forbund: string, named: readonly NamedRecord[]): string[] {
  const names = [row.label.split(',')[0] ?? row.label];
  for (const id of [row.verksamhet, row.party]) {
    if (!id) continue;
    for (const r of named.filter((n) => n.id === id && n.forbund === forbund)) names.push(...namesOf(r));
  }
  return names;
}

/** The words of a row's umbrella verksamhet's names ("samordningsteamet"): shared by all its parts, they name none of them. */
function umbrellaWords(row: Budget['sections'][number]['rows'][number], forbund: string, named: readonly NamedRecord[]): Set<string> {
  const parent = named.find((n) => n.id === row.verksamhet && n.forbund === forbund)?.partOf;
  const umbrella = parent === undefined ? undefined : named.find((n) => n.id === parent && n.forbund === forbund && n.partyKind === undefined);
  return new Set(umbrella ? namesOf(umbrella).flatMap((n) => words(normalize(n))) : []);
}

/** True when the question names the record by its name or an alias (every word of it, one typo allowed). */
function namesRecord(r: NamedRecord, questionWords: readonly string[]): boolean {
  return namesOf(r).some((n) => phraseIn(n, questionWords));
}

/** Short aliases ("FK", "AF", "RV") of a row's party or verksamhet: they name the row only as a whole word of their own. */
function shortAliases(row: Budget['sections'][number]['rows'][number], forbund: string, named: readonly NamedRecord[]): string[] {
  return perRow(shortCache, row, forbund, named, rowShortAliases);
}

function rowShortAliases(row: Row, forbund: string, named: readonly NamedRecord[]): string[] {
  return named
    .filter((n) => n.forbund === forbund && (n.id === row.party || n.id === row.verksamhet))
    .flatMap((n) => (n.aliases ?? []).map((a) => normalize(a)).filter((a) => a.length === 2));
}

/** Words of a row's names that alone don't identify it (a question about "kommunens" budget names no row). */
const GENERIC = new Set(['kommun', 'kommuns', 'av', 'och', 'till', 'for', 'i']);

/** The row's names as the words that identify it, each name joined back into a phrase. */
function significantNames(row: Budget['sections'][number]['rows'][number], forbund: string, named: readonly NamedRecord[]): string[] {
  return perRow(significantCache, row, forbund, named, rowSignificantNames);
}

type Row = Budget['sections'][number]['rows'][number];
type RowCache = WeakMap<readonly NamedRecord[], WeakMap<Row, { forbund: string; names: string[] }>>;
const significantCache: RowCache = new WeakMap();
const shortCache: RowCache = new WeakMap();

/** A row's names, once per row, förbund and list of records: every budget question reads every row. */
function perRow(cache: RowCache, row: Row, forbund: string, named: readonly NamedRecord[], compute: (row: Row, forbund: string, named: readonly NamedRecord[]) => string[]): string[] {
  let byRow = cache.get(named);
  if (!byRow) cache.set(named, (byRow = new WeakMap()));
  const hit = byRow.get(row);
  if (hit?.forbund === forbund) return hit.names;
  const names = compute(row, forbund, named);
  byRow.set(row, { forbund, names });
  return names;
}

function rowSignificantNames(row: Budget['sections'][number]['rows'][number], forbund: string, named: readonly NamedRecord[]): string[] {
  const shared = umbrellaWords(row, forbund, named);
  return rowNames(row, forbund, named)
    .map((name) => words(normalize(name)).filter((w) => !GENERIC.has(w) && !shared.has(w) && !/^\d+$/.test(w) && w !== '%').join(' '))
    .filter((s) => s !== '');
}

function matchRows(tables: readonly BudgetTable[], questionWords: readonly string[], named: readonly NamedRecord[]): Target | undefined {
  const hits: { table: BudgetTable; sectionIndex: number; rowIndex: number; strength: number }[] = [];
  const forbund = tables[0]?.forbund ?? '';
  // A verksamhet named in the question makes it about a cost ("Vindeln samordningsteam"), not a kommun's income.
  const namesVerksamhet = named.some((n) => n.forbund === forbund && n.partyKind === undefined && namesRecord(n, questionWords));
  for (const table of tables) {
    table.sections.forEach((section, sectionIndex) => section.rows.forEach((row, rowIndex) => {
      let strength = 0;
      for (const significant of significantNames(row, table.forbund, named)) {
        if (phraseIn(significant, questionWords)) strength = Math.max(strength, significant.length);
      }
      for (const alias of shortAliases(row, table.forbund, named)) {
        if (questionWords.includes(alias)) strength = Math.max(strength, 6);
      }
      if (strength > 0) hits.push({ table, sectionIndex, rowIndex, strength });
    }));
  }
  if (hits.length === 0) return undefined;
  // A kommun name matches both its income row and its Samordningsteam's cost row: keep both unless the question says which.
  const incomeWords = hasWord(questionWords, 'intakt', 'intakter', 'bidrag', 'bidrar', 'kommun', 'kommuns', 'betalar', 'medlemsavgift', 'finansierar', 'tillskott');
  const costWords = namesVerksamhet || hasWord(questionWords, 'kostnad', 'kostar');
  let kept = hits;
  if (incomeWords !== costWords) {
    const wanted = incomeWords ? 'income' : 'cost';
    const narrowed = hits.filter((h) => h.table.sections[h.sectionIndex]?.kind === wanted);
    if (narrowed.length > 0) kept = narrowed;
  }
  const best = Math.max(...kept.map((h) => h.strength));
  // Keep every row matched about as well as the best (e.g. "Vindeln" as kommun and as Samordningsteam).
  kept = kept.filter((h) => h.strength >= Math.min(best, 6));
  return { kind: 'rows', rows: kept };
}

/** Words that name a section by its role in data/ (the role, not the förbund's own label, is what code knows). */
const SECTION_CUES: { role: NonNullable<Budget['sections'][number]['role']>; matches: (qw: readonly string[], normalized: string) => boolean }[] = [
  { role: 'administration', matches: (qw, n) => /\bkansli(et)? och styrelse\b/.test(n) || hasWord(qw, 'kansliet', 'kansli') },
  { role: 'operational', matches: (qw) => hasWord(qw, 'verksamhetsnara') },
  { role: 'verksamheter', matches: (_, n) => /\b(summa verksamheter|verksamheterna)\b/.test(n) },
];

function sectionByKeyword(table: BudgetTable, questionWords: readonly string[], normalized: string): Target | undefined {
  const byRole = (role: string) => table.sections.findIndex((s) => s.role === role);
  for (const cue of SECTION_CUES) {
    if (!cue.matches(questionWords, normalized)) continue;
    const i = byRole(cue.role);
    if (i >= 0) return { kind: 'section', table, sectionIndex: i };
  }
  if (hasWord(questionWords, 'intakter', 'intakterna', 'inkomster')) {
    const i = table.sections.findIndex((s) => s.kind === 'income');
    if (i >= 0) return { kind: 'section', table, sectionIndex: i };
  }
  if (hasWord(questionWords, 'beviljat', 'beviljades', 'beviljade')) {
    const i = byRole('granted');
    if (i >= 0) return { kind: 'section', table, sectionIndex: i };
  }
  return undefined;
}

type RowRef = { table: BudgetTable; sectionIndex: number; rowIndex: number };

function rowsWhere(table: BudgetTable, keep: (row: Budget['sections'][number]['rows'][number], section: Budget['sections'][number]) => boolean): RowRef[] {
  const rows: RowRef[] = [];
  table.sections.forEach((s, sectionIndex) => s.rows.forEach((r, rowIndex) => {
    if (keep(r, s)) rows.push({ table, sectionIndex, rowIndex });
  }));
  return rows;
}

/** True when verksamhet `id` lies under `umbrella` (data/ `partOf`, any depth). */
function isUnder(named: readonly NamedRecord[], forbund: string, id: string | undefined, umbrella: string): boolean {
  const seen = new Set<string>();
  let at = id === undefined ? undefined : named.find((n) => n.id === id && n.forbund === forbund && n.partyKind === undefined)?.partOf;
  while (at !== undefined && !seen.has(at)) {
    if (at === umbrella) return true;
    seen.add(at);
    const current: string = at;
    at = named.find((n) => n.id === current && n.forbund === forbund && n.partyKind === undefined)?.partOf;
  }
  return false;
}

/**
 * An umbrella verksamhet named as a whole ("samordningsteamen" without a kommun): the rows of all
 * the verksamheter under it, unless the question also names one of them.
 */
function umbrellaRows(table: BudgetTable, questionWords: readonly string[], named: readonly NamedRecord[]): Target | undefined {
  const umbrellas = named.filter((n) => n.forbund === table.forbund && n.partyKind === undefined && namesRecord(n, questionWords));
  for (const u of umbrellas) {
    const rows = rowsWhere(table, (r) => isUnder(named, table.forbund, r.verksamhet, u.id));
    if (rows.length === 0) continue;
    const one = rows.some((x) => {
      const row = x.table.sections[x.sectionIndex]?.rows[x.rowIndex];
      return row !== undefined && significantNames(row, table.forbund, named).some((n) => phraseIn(n, questionWords));
    });
    if (!one) return { kind: 'rows', rows };
  }
  return undefined;
}

/** What the question asks for, in the tables of its förbund. */
function targetOf(tables: readonly BudgetTable[], forbund: string, normalized: string, named: readonly NamedRecord[]): Target | undefined {
  const qw = words(normalized);
  const own = tables.filter((t) => t.forbund === forbund);
  const main = own[0];
  if (!main) return undefined;

  if (hasWord(qw, 'sokt', 'sokta', 'soker', 'ansokan', 'ansokt')) {
    const t = own.find((x) => x.role === 'applied');
    if (t) return { kind: 'section', table: t, sectionIndex: 0 };
  }
  if (hasWord(qw, 'manad', 'manaden', 'manadskostnad', 'manadskostnaden') || (hasWord(qw, 'tjanst', 'tjansten') && hasWord(qw, 'kostar', 'kostnad', 'kostnaden'))) {
    const t = own.find((x) => x.role === 'unitCost');
    if (t) return { kind: 'section', table: t, sectionIndex: 0 };
  }
  const staffing = own.filter((x) => x.unit === 'årsarbetare');
  if (staffing.length > 0 && hasWord(qw, 'bemanning', 'bemannad', 'arsarbetare', 'tjanster', 'omfattning', 'heltid')) {
    return { kind: 'overview', tables: staffing };
  }
  // Every summary measure asked for is answered ("resultat 2023 och eget kapital"), in the order of the table.
  const measures: Target[] = [];
  if (/\bkostnader totalt\b|\btotala kostnader\b|\bkostnaderna\b|\bsumma kostnader\b/.test(normalized) && main.costTotal) {
    measures.push({ kind: 'costTotal', table: main });
  }
  if (hasWord(qw, 'resultat', 'resultatet', 'underskott', 'overskott')) measures.push({ kind: 'result', table: main });
  if (/\beg(et|na) kapital(et)?\b|\bkapitalet\b/.test(normalized)) measures.push({ kind: 'equity', table: main });
  if (/\bsumma intakter\b|\bintakterna totalt\b|\btotala intakter(na)?\b/.test(normalized) && measures.length > 0) {
    const i = main.sections.findIndex((x) => x.kind === 'income');
    if (i >= 0) measures.unshift({ kind: 'section', table: main, sectionIndex: i });
  }
  if (measures.length === 1) return measures[0];
  if (measures.length > 1) return { kind: 'several', targets: measures };

  // Budgets of income and costs: not the applied-for funds, a position's cost or staffing.
  const moneyTables = own.filter((t) => t.unit !== 'årsarbetare' && t.role === undefined);
  const all = umbrellaRows(main, qw, named);
  if (all) return all;
  if (hasWord(qw, 'kommunerna', 'kommunernas', 'medlemskommunerna')) {
    const kommuner = new Set(named.filter((n) => n.forbund === forbund && n.partyKind === 'kommun').map((n) => n.id));
    const rows = rowsWhere(main, (r, s) => s.kind === 'income' && r.party !== undefined && kommuner.has(r.party));
    if (rows.length > 0) return { kind: 'rows', rows };
  }
  const rows = matchRows(moneyTables, qw, named);
  if (rows) return rows;
  const section = sectionByKeyword(main, qw, normalized);
  if (section) return section;
  return { kind: 'overview', tables: moneyTables };
}

function columnIndexes(table: BudgetTable, years: readonly string[]): number[] {
  const all = table.columns.map((_, i) => i);
  if (years.length === 0) return all;
  const picked = all.filter((i) => years.includes(table.columns[i] ?? ''));
  return picked;
}

function figuresOf(table: BudgetTable, label: string, figures: readonly Figure[], isCost: boolean, cols: readonly number[]): BudgetFigure[] {
  return cols.flatMap((c) => {
    const f = figures[c];
    if (f === undefined) return [];
    return [{ label, column: table.columns[c] ?? '', unit: table.unit, isCost, ...readFigure(f) }];
  });
}

function isCostTable(table: BudgetTable, sectionKind: string): boolean {
  return sectionKind === 'cost' && table.costSign === 'negative';
}

function describe(target: Target, years: readonly string[], named: readonly NamedRecord[]): { figures: BudgetFigure[]; tables: BudgetTable[]; missingYears: boolean } {
  const out: BudgetFigure[] = [];
  const used = new Set<BudgetTable>();
  let missingYears = false;
  const cols = (t: BudgetTable) => {
    const c = columnIndexes(t, years);
    if (years.length > 0 && c.length === 0) missingYears = true;
    return c;
  };
  switch (target.kind) {
    case 'rows':
      for (const r of target.rows) {
        const section = r.table.sections[r.sectionIndex];
        const row = section?.rows[r.rowIndex];
        if (!section || !row) continue;
        used.add(r.table);
        const label = rowLabel(r.table, section, row, named);
        out.push(...figuresOf(r.table, label, row.values, isCostTable(r.table, section.kind), cols(r.table)));
      }
      break;
    case 'section': {
      const section = target.table.sections[target.sectionIndex];
      if (!section) break;
      used.add(target.table);
      const c = cols(target.table);
      const cost = isCostTable(target.table, section.kind);
      if (section.sum) out.push(...figuresOf(target.table, sumLabel(target.table, section), section.sum, cost, c));
      for (const row of section.rows) out.push(...figuresOf(target.table, rowLabel(target.table, section, row, named), row.values, cost, c));
      break;
    }
    case 'costTotal':
      used.add(target.table);
      out.push(...figuresOf(target.table, 'Kostnader totalt', target.table.costTotal ?? [], target.table.costSign === 'negative', cols(target.table)));
      break;
    case 'result':
      used.add(target.table);
      out.push(...figuresOf(target.table, 'Resultat', target.table.result ?? [], false, cols(target.table)));
      break;
    case 'equity': {
      used.add(target.table);
      const c = cols(target.table);
      out.push(...figuresOf(target.table, 'Eget kapital vid årets början', target.table.equity?.opening ?? [], false, c));
      out.push(...figuresOf(target.table, 'Eget kapital vid årets slut', target.table.equity?.closing ?? [], false, c));
      break;
    }
    case 'several':
      for (const t of target.targets) {
        const part = describe(t, years, named);
        out.push(...part.figures);
        for (const u of part.tables) used.add(u);
        missingYears = missingYears || part.missingYears;
      }
      break;
    case 'overview':
      for (const t of target.tables) {
        used.add(t);
        if (t.unit === 'årsarbetare') {
          out.push(...staffingFigures(t));
          continue;
        }
        const c = cols(t);
        // A verksamhet's own budget is short and per employer: every row is worth showing; a förbund's overview shows the sums.
        const withRows = t.verksamhet !== undefined;
        for (const s of t.sections) {
          const cost = isCostTable(t, s.kind);
          if (s.sum) out.push(...figuresOf(t, sumLabel(t, s), s.sum, cost, c));
          if (withRows || !s.sum) for (const row of s.rows) out.push(...figuresOf(t, rowLabel(t, s, row, named), row.values, cost, c));
        }
        if (t.costTotal) out.push(...figuresOf(t, 'Kostnader totalt', t.costTotal, t.costSign === 'negative', c));
        if (t.result) out.push(...figuresOf(t, 'Resultat', t.result, false, c));
        if (t.equity) out.push(...figuresOf(t, 'Eget kapital vid årets slut', t.equity.closing, false, c));
      }
      break;
  }
  return { figures: out, tables: [...used], missingYears };
}

function sumLabel(table: BudgetTable, section: Budget['sections'][number]): string {
  // A verksamhet's table has one section per kind: its sum is the total.
  if (table.verksamhet !== undefined) return 'Totalt';
  return `Summa ${section.label.toLowerCase()}`;
}

/** Staffing tables: per row its stated total (column headings may be masked), or per column when they are named. */
function staffingFigures(t: BudgetTable): BudgetFigure[] {
  const out: BudgetFigure[] = [];
  const masked = t.columns.every((c) => /^x+$/i.test(c));
  for (const s of t.sections) {
    for (const row of s.rows) {
      if (!masked) out.push(...figuresOf(t, row.label, row.values, false, t.columns.map((_, i) => i)));
      if (row.total !== undefined) out.push({ label: masked ? row.label : `${row.label}, summa`, column: 'totalt', unit: t.unit, isCost: false, ...readFigure(row.total) });
    }
    if (s.grandTotal !== undefined) out.push({ label: 'Totalt', column: 'alla kommuner', unit: t.unit, isCost: false, ...readFigure(s.grandTotal) });
  }
  return out;
}

function rowLabel(table: BudgetTable, section: Budget['sections'][number], row: Budget['sections'][number]['rows'][number], named: readonly NamedRecord[]): string {
  // A part of an umbrella verksamhet is labelled only by what sets it apart ("Vännäs"): show its own name.
  const part = named.find((n) => n.id === row.verksamhet && n.forbund === table.forbund && n.partyKind === undefined && n.partOf !== undefined);
  if (part) return part.name;
  if (section.kind === 'income' && row.party) return `${row.label} (intäkt)`;
  return row.label;
}

/**
 * Answers a budget question about `forbund` (src/domain/forbund.ts decides which): the figures of
 * the row, section, result or equity it names, for the years it names (all years otherwise), with
 * how each OCR-reconciled figure was read. Returns undefined when the förbund has no budget table.
 */
export function answerBudget(
  text: string,
  forbund: string,
  tables: readonly BudgetTable[],
  named: readonly NamedRecord[] = [],
  now?: Date,
): BudgetAnswer | undefined {
  const normalized = normalize(text);
  const target = targetOf(tables, forbund, normalized, named);
  if (!target) return undefined;
  const years = yearsIn(normalized, now);
  // A party named that no row of the budget is about ("Hur mycket betalar Arbetsförmedlingen in?"),
  // when nothing else named a row or a measure: the budget does not say – never its total instead.
  const rowless = target.kind === 'overview' || target.kind === 'section' ? rowlessParty(tables, forbund, normalized, named) : undefined;
  if (rowless !== undefined) return rowlessAnswer(tables, forbund, rowless, named);
  const { figures, tables: used, missingYears } = describe(target, years, named);
  const first = used[0];
  const sources = used.map((t) => t.source);
  const uncertain = figures.some((f) => f.uncertain);
  if (missingYears || figures.length === 0) {
    const available = [...new Set(used.flatMap((t) => t.columns))].join(', ');
    return {
      headline: `Budgeten har inga siffror för ${years.join(', ')}. ${first ? `${first.title} gäller ${available}.` : ''}`.trim(),
      figures: describe(target, [], named).figures,
      tables: used,
      sources,
      uncertain,
      notStated: true,
    };
  }
  const firstFig = figures[0];
  const single = figures.length === 1 && firstFig;
  // "Vad blev det faktiska resultatet?" of a budget: the documents hold the plan, not the outcome.
  const planOnly = asksOutcome(words(normalized)) && used.length > 0 && used.every((t) => (t.basis ?? 'plan') === 'plan');
  const outcomeNote = planOnly ? `Utfallet${years.length > 0 ? ` för ${years.join(', ')}` : ''} står inte i dokumenten – bara budgeten: ` : '';
  if (target.kind === 'several' && figures.length <= 6) {
    const parts = figures.map((f) => `${f.label} ${f.column}: ${formatFigure(f)}${f.uncertain ? ' (osäker)' : ''}`);
    return { headline: `${outcomeNote}${parts.join('. ')}.`, figures, tables: used, sources, uncertain };
  }
  const headline = outcomeNote + (single
    ? `${firstFig.label} ${firstFig.column}: ${formatFigure(firstFig)}${firstFig.isCost ? ' (budgeterad kostnad)' : ''}${firstFig.uncertain ? ' – osäker siffra' : ''}.`
    : `${first?.title ?? 'Budget'}${years.length > 0 ? `, ${years.join(', ')}` : ''}${first && !first.title.includes(first.unit) ? ` (${first.unit})` : ''}:`);
  return { headline, figures, tables: used, sources, uncertain };
}

/** The party the question names (not the förbund itself) that no row of the förbund's money tables is about. */
function rowlessParty(tables: readonly BudgetTable[], forbund: string, normalized: string, named: readonly NamedRecord[]): NamedRecord | undefined {
  const qw = words(normalized);
  const own = tables.filter((t) => t.forbund === forbund && t.unit !== 'årsarbetare' && t.role === undefined);
  const hasRow = (id: string) => own.some((t) => t.sections.some((sec) => sec.rows.some((r) => r.party === id)));
  return named.find((n) => n.forbund === forbund && n.partyKind !== undefined && n.partyKind !== 'forbund' && namesRecord(n, qw) && !hasRow(n.id));
}

/** "Arbetsförmedlingen har ingen egen rad i budgeten. Intäkterna kommer från …": not stated, with the parties that have rows. */
function rowlessAnswer(tables: readonly BudgetTable[], forbund: string, party: NamedRecord, named: readonly NamedRecord[]): BudgetAnswer {
  const main = tables.find((t) => t.forbund === forbund && t.unit !== 'årsarbetare' && t.role === undefined) ?? tables[0];
  const income = main?.sections.findIndex((sec) => sec.kind === 'income') ?? -1;
  const { figures } = main === undefined || income < 0 ? { figures: [] } : describe({ kind: 'section', table: main, sectionIndex: income }, [], named);
  const from = main === undefined || income < 0 ? [] : (main.sections[income]?.rows ?? []).filter((r) => r.party !== undefined).map((r) => r.label.replace(/,.*$/u, ''));
  const payers = from.length > 0 ? ` Intäkterna kommer från ${from.slice(0, -1).join(', ')}${from.length > 1 ? ' och ' : ''}${from[from.length - 1] ?? ''}.` : '';
  return { headline: `${party.name} har ingen egen rad i ${main?.title ?? 'budgeten'} – varken bland intäkterna eller kostnaderna.${payers}`, figures, tables: main ? [main] : [], sources: main ? [main.source] : [], uncertain: false, notStated: true };
}

/** Words asking what a year turned out, not what was planned: "faktiska", "utfallet", "bokslut", "blev". */
const OUTCOME_WORDS = ['faktisk', 'faktiska', 'faktiskt', 'utfall', 'utfallet', 'bokslut', 'bokslutet', 'verkligt', 'verkliga', 'arsredovisning', 'arsredovisningen'];

/** True when the question asks for the outcome; "blev" does only when the budget itself is not what is asked about. */
function asksOutcome(questionWords: readonly string[]): boolean {
  return questionWords.some((w) => OUTCOME_WORDS.includes(w))
    || (questionWords.includes('blev') && !questionWords.some((w) => w.startsWith('budget')));
}

/** The note shown for a figure that was reconciled from OCR or is uncertain. */
export function figureNote(f: BudgetFigure): string | undefined {
  if (!f.note && !f.raw) return undefined;
  const prefix = f.uncertain ? 'Osäker siffra' : f.raw ? 'Avstämd siffra' : 'Anmärkning';
  const alts = f.alternatives && f.alternatives.length > 1 ? ` Möjliga värden: ${f.alternatives.map((a) => formatAmount(f.isCost ? Math.abs(a) : a)).join(' eller ')} ${f.unit}.` : '';
  return `${prefix} (${f.label} ${f.column}${f.raw && !(f.note ?? '').includes(f.raw) ? `, tryckt "${f.raw}"` : ''}): ${f.note ?? ''}${alts}`.trim();
}

/**
 * How clearly a question is a budget question (routes.ts): "budget" or "eget kapital" name it;
 * "tkr", "intäkter", "kostnader" or "beviljat" make it plausible. Tertial words ("utfall", "T2")
 * belong to the tertial dialog, which also answers "budget och utfall".
 */
export function budgetScore(normalized: string, coveredYears?: ReadonlySet<string>): number {
  const w = words(normalized);
  // Only the years the budget tables cover make a bare "resultat 2024" or "kostar … 2023" a budget
  // question; a year older than every table points elsewhere (a protokoll, an application).
  const years = [...normalized.matchAll(/\b((?:19|20)\d\d)\b/g)].map((m) => m[1] ?? '');
  const earliest = coveredYears ? [...coveredYears].filter((y) => /^\d{4}$/.test(y)).sort()[0] : undefined;
  const hasYear = years.some((y) => coveredYears === undefined || coveredYears.has(y))
    && !years.some((y) => earliest !== undefined && y < earliest);
  if (/^importera\b/.test(normalized)) return 0;
  if (hasWord(w, 'utfall', 'utfallet', 'tertial', 'tertialet', 'tertialrapport') || /\bt[123]\b/.test(normalized)) return 0.3;
  // "När ska budgeten beslutas?" is a calendar question.
  if (/^nar\b/.test(normalized)) return 0.3;
  if (hasWord(w, 'budget', 'budgeten', 'budgeterat', 'budgeterad', 'budgetar', 'budgeterade', 'budgeteras')) return 1;
  if (/\beg(et|na) kapital(et)?\b/.test(normalized)) return 0.95;
  if (hasWord(w, 'betalar', 'bidrar', 'bidrag', 'medlemsavgift', 'tillskott') && hasWord(w, 'forbundet', 'samordningsforbundet', 'forbundets')) return 0.9;
  if (/\bhur mycket\b/.test(normalized) && hasWord(w, 'betalar', 'bidrar', 'far', 'kostar', 'pengar', 'budgeteras')) return 0.9;
  if (hasWord(w, 'kostar', 'kostnad', 'kostnaden', 'kostnaderna') && hasYear) return 0.9;
  if (hasWord(w, 'resultat', 'resultatet') && hasYear && !hasWord(w, 'deltagare', 'deltagarna', 'indikator', 'indikatorer')) return 0.95;
  if (hasWord(w, 'resultat', 'resultatet', 'underskott', 'overskott') && hasYear) return 0.85;
  if (hasWord(w, 'sokta', 'soker', 'beviljat', 'beviljades') && (hasYear || hasWord(w, 'kr', 'kronor', 'tkr'))) return 0.85;
  if (hasWord(w, 'arsarbetare')) return 0.8;
  if (hasWord(w, 'betalar', 'bidrar', 'pengar', 'anslag', 'finansieringen') || (/\bhur mycket\b/.test(normalized) && hasYear)) return 0.7;
  if (hasWord(w, 'kostnader', 'intakter', 'kostar', 'tkr')) return 0.6;
  return 0;
}

/** Words that make a named party's or verksamhet's budget row the subject: money in or out. */
const MONEY_WORDS = ['medlemsavgift', 'medlemsavgiften', 'andel', 'andelen', 'betalar', 'betala', 'bidrar', 'bidrag', 'intakt', 'intakter',
  'kostar', 'kostade', 'kosta', 'kostnad', 'kostnaden', 'kostnader', 'kostnaderna', 'tkr', 'kronor', 'pengar', 'finansierar', 'finansiering',
  'tillskott', 'avgift', 'avgiften', 'insats', 'far', 'fick', 'anslag', 'anslaget', 'satsas', 'belopp', 'beloppet'];

/**
 * The budget route's score with the evidence of the data (issue: one keyword must not decide):
 * - a year the question names that no budget table of its förbund covers ("hur mycket … 2017")
 *   makes it not a budget question (the decisions and applications of that year are searched);
 * - a party or verksamhet that has its own budget row, named together with a money word
 *   ("Umeå kommuns medlemsavgift", "vad betalar FK in"), makes it clearly one, whichever
 *   other word the question also has.
 */
export function budgetEvidenceScore(normalized: string, forbund: string, tables: readonly BudgetTable[], named: readonly NamedRecord[]): number {
  const base = budgetScore(normalized, new Set(tables.flatMap((t) => t.columns)));
  const qw = words(normalized);
  const own = tables.filter((t) => t.forbund === forbund);
  if (own.length === 0) return base;
  const years = [...normalized.matchAll(/\b((?:19|20)\d\d)\b/g)].map((m) => m[1] ?? '');
  const covered = new Set(own.flatMap((t) => t.columns));
  if (years.length > 0 && !years.some((y) => covered.has(y))) return Math.min(base, 0.3);
  // Positions ("tjänster") are a budget question where the förbund has a staffing table.
  const staffing = own.some((t) => t.unit === 'årsarbetare') && hasWord(qw, 'tjanster', 'tjanst') ? 0.8 : 0;
  if (!hasWord(qw, ...MONEY_WORDS)) return Math.max(base, staffing);
  const rows = matchRows(own.filter((t) => t.unit !== 'årsarbetare' && t.role !== 'applied'), qw, named);
  return Math.max(base, staffing, rows !== undefined ? 0.9 : 0);
}
