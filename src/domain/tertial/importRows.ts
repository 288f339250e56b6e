import {
  participantsSchema, tertialSchema, type EndReason, type Tertial, type TertialReport,
} from '../../state/tertialReports.js';
import { targetPercent } from './maths.js';

/**
 * Validation of a tertial import (issue 7: "every row validated, errors listed by row and column in
 * Swedish, nothing imported unless all rows pass"). Pure: the file's text and what data/ knows come
 * in; the rows or every error come out. The CSV header is documented in templates/tertialrapport.csv.
 */

/** What data/ says the import may refer to. */
export interface ImportContext {
  forbund: readonly { id: string; name: string; aliases?: readonly string[] }[];
  verksamheter: readonly { id: string; forbund: string; name: string; aliases?: readonly string[] }[];
  /** Measurable goals per verksamhet (from the agreements), for `indikator:<goal>` columns. */
  goals: readonly { forbund: string; verksamhet: string; id: string; text: string; target?: string }[];
}

/** A validated row: a report without the fields the store adds (id, version, who, when). */
export type ImportedRow = Omit<TertialReport, 'id' | 'version' | 'importedBy' | 'importedAt' | 'importId' | 'sourceFile'>;

export interface ImportError {
  /** Row in the file (CSV: line number, header = 1; JSON: position in the list, from 1). */
  row: number;
  column?: string;
  message: string;
}

export interface ImportResult {
  rows: ImportedRow[];
  errors: ImportError[];
  format: 'csv' | 'json';
}

/** The columns, by their folded name. Required ones must be in the header. */
const END_REASON_COLUMNS: Readonly<Record<string, EndReason>> = {
  avslut_arbete: 'arbete',
  avslut_studier: 'studier',
  avslut_medicinsk_rehabilitering: 'medicinskRehabilitering',
  avslut_arbetsformaga_saknas: 'arbetsformagaSaknas',
  avslut_ovrigt: 'ovrigt',
};
export const REQUIRED_COLUMNS = ['forbund', 'verksamhet', 'ar', 'tertial', 'aktuella', 'nya', 'avslutade'] as const;
const OPTIONAL_COLUMNS = [...Object.keys(END_REASON_COLUMNS), 'kvinnor', 'man', 'budget_tkr', 'utfall_tkr', 'lagesrapport', 'exempeldata'];
export const INDICATOR_PREFIX = 'indikator:';

/** The header as typed, folded: lower case, å/ä/ö → a/a/o, spaces → "_" ("Avslut arbete" = "avslut_arbete"). */
export function foldColumn(name: string): string {
  return name.trim().toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/g, '_');
}

/** The name shown in errors: the header as the user wrote it. */
type Cells = Map<string, { column: string; value: string }>;

/**
 * A small RFC 4180 CSV reader: `"` quotes (with `""` inside), separators and newlines inside quotes,
 * lines starting with `#` outside quotes are comments. Returns each record with its first line number.
 */
export function readCsv(text: string, separator: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let atRecordStart = true;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i += 1) {
    const ch = src[i] ?? '';
    if (atRecordStart && !quoted && ch === '#') {
      while (i < src.length && src[i] !== '\n') i += 1;
      line += 1;
      startLine = line;
      continue;
    }
    atRecordStart = false;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') { cell += '"'; i += 1; }
      else if (ch === '"') quoted = false;
      else { if (ch === '\n') line += 1; cell += ch; }
      continue;
    }
    if (ch === '"' && cell.trim() === '') { quoted = true; cell = ''; }
    else if (ch === separator) { cells.push(cell); cell = ''; }
    else if (ch === '\r') continue;
    else if (ch === '\n') {
      cells.push(cell);
      if (cells.some((c) => c.trim() !== '')) records.push({ line: startLine, cells });
      cells = []; cell = '';
      line += 1; startLine = line; atRecordStart = true;
    } else cell += ch;
  }
  cells.push(cell);
  if (cells.some((c) => c.trim() !== '')) records.push({ line: startLine, cells });
  return records;
}

function detectSeparator(headerLine: string): string {
  if (headerLine.includes(';')) return ';';
  if (headerLine.includes('\t')) return '\t';
  return ',';
}

const fold = (s: string) => s.trim().toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');

function parseCount(raw: string): number | string {
  const v = raw.replace(/[\s\u00a0]/g, '');
  if (!/^\d+$/.test(v)) return `ska vara ett heltal 0 eller större (var "${raw.trim()}")`;
  return Number(v);
}

function parseAmount(raw: string): number | string {
  const v = raw.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(v)) return `ska vara ett belopp i tkr, 0 eller större, t.ex. 2190 eller 547,5 (var "${raw.trim()}")`;
  return Number(v);
}

function parsePercent(raw: string): number | string {
  const v = raw.replace(/[\s\u00a0%]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(v) || Number(v) > 100) return `ska vara en procentsats 0–100 (var "${raw.trim()}")`;
  return Number(v);
}

function parseTertial(raw: string): Tertial | string {
  const v = raw.trim().toUpperCase().replace(/^TERTIAL\s*/, 'T');
  const t = /^T?([123])$/.exec(v);
  const parsed = tertialSchema.safeParse(t ? `T${t[1]}` : v);
  return parsed.success ? parsed.data : `ska vara T1 (jan–apr), T2 (maj–aug) eller T3 (sep–dec) (var "${raw.trim()}")`;
}

/** Validates one row's cells; pushes every problem, returns the row only when it has none. */
function validateRow(row: number, cells: Cells, ctx: ImportContext, errors: ImportError[]): ImportedRow | undefined {
  const before = errors.length;
  const err = (key: string, message: string) => errors.push({ row, column: cells.get(key)?.column ?? key, message });
  const get = (key: string) => cells.get(key)?.value.trim() ?? '';

  for (const key of REQUIRED_COLUMNS) if (get(key) === '') err(key, 'saknar värde');

  const forbundRaw = get('forbund');
  const forbund = ctx.forbund.find((f) => [f.id, f.name, ...(f.aliases ?? [])].some((n) => fold(n) === fold(forbundRaw)));
  if (forbundRaw !== '' && !forbund) err('forbund', `okänt förbund "${forbundRaw}" (kända: ${ctx.forbund.map((f) => f.id).join(', ')})`);

  const verksamhetRaw = get('verksamhet');
  const verksamhet = forbund
    ? ctx.verksamheter.find((v) => v.forbund === forbund.id && [v.id, v.name, ...(v.aliases ?? [])].some((n) => fold(n) === fold(verksamhetRaw)))
    : undefined;
  if (forbund && verksamhetRaw !== '' && !verksamhet) err('verksamhet', `okänd verksamhet "${verksamhetRaw}" i ${forbund.id}`);

  let year: number | undefined;
  if (get('ar') !== '') {
    const y = parseCount(get('ar'));
    if (typeof y === 'string' || y < 2000 || y > 2100) err('ar', `ska vara ett årtal, t.ex. 2023 (var "${get('ar')}")`);
    else year = y;
  }
  let tertial: Tertial | undefined;
  if (get('tertial') !== '') {
    const t = parseTertial(get('tertial'));
    if (t === 'T1' || t === 'T2' || t === 'T3') tertial = t;
    else err('tertial', t);
  }

  const counts: Record<string, number | undefined> = {};
  for (const key of ['aktuella', 'nya', 'avslutade', 'kvinnor', 'man', ...Object.keys(END_REASON_COLUMNS)]) {
    if (get(key) === '') continue;
    const v = parseCount(get(key));
    if (typeof v === 'string') err(key, v);
    else counts[key] = v;
  }
  const amounts: Record<string, number | undefined> = {};
  for (const key of ['budget_tkr', 'utfall_tkr']) {
    if (get(key) === '') continue;
    const v = parseAmount(get(key));
    if (typeof v === 'string') err(key, v);
    else amounts[key] = v;
  }

  const endReasons: Partial<Record<EndReason, number>> = {};
  for (const [key, reason] of Object.entries(END_REASON_COLUMNS)) if (counts[key] !== undefined) endReasons[reason] = counts[key];
  const reasonSum = Object.values(endReasons).reduce((a, b) => a + b, 0);
  // All five reasons must add up to avslutade; some of them can be at most avslutade.
  const allReasons = Object.keys(endReasons).length === Object.keys(END_REASON_COLUMNS).length;
  if (counts.avslutade !== undefined && (allReasons ? reasonSum !== counts.avslutade : reasonSum > counts.avslutade)) {
    err('avslutade', allReasons
      ? `avslutsorsakerna summerar till ${reasonSum} men avslutade är ${counts.avslutade}`
      : `avslutsorsakerna (${reasonSum}) är fler än avslutade (${counts.avslutade})`);
  }
  if (counts.kvinnor !== undefined && counts.man !== undefined && counts.aktuella !== undefined && counts.kvinnor + counts.man > counts.aktuella) {
    err('kvinnor', `kvinnor + män (${counts.kvinnor + counts.man}) är fler än aktuella deltagare (${counts.aktuella})`);
  }

  const lagesrapport = get('lagesrapport');
  if (lagesrapport.length > 4000) err('lagesrapport', `är för lång (${lagesrapport.length} tecken, högst 4000)`);

  let exempeldata = false;
  const ex = fold(get('exempeldata'));
  if (['ja', 'true', '1', 'x'].includes(ex)) exempeldata = true;
  else if (!['', 'nej', 'false', '0'].includes(ex)) err('exempeldata', `ska vara ja eller nej (var "${get('exempeldata')}")`);

  const indicators: { goal: string; resultPercent: number }[] = [];
  for (const [key, cell] of cells) {
    if (!key.startsWith(INDICATOR_PREFIX) || cell.value.trim() === '') continue;
    const goalId = key.slice(INDICATOR_PREFIX.length);
    const goal = verksamhet && ctx.goals.find((g) => g.forbund === verksamhet.forbund && g.verksamhet === verksamhet.id && g.id === goalId);
    if (verksamhet && (!goal || targetPercent(goal.target) === undefined)) {
      const known = ctx.goals.filter((g) => g.forbund === verksamhet.forbund && g.verksamhet === verksamhet.id && targetPercent(g.target) !== undefined).map((g) => g.id);
      err(key, `okänt mål "${cell.column.trim().slice(INDICATOR_PREFIX.length)}" för ${verksamhet.name}${known.length > 0 ? ` (mål med procentsats: ${known.join(', ')})` : ' (överenskommelsen har inga mål med procentsats för verksamheten)'}`);
      continue;
    }
    const v = parsePercent(cell.value);
    if (typeof v === 'string') err(key, v);
    else indicators.push({ goal: goalId, resultPercent: v });
  }

  if (errors.length > before || !forbund || !verksamhet || year === undefined || !tertial) return undefined;
  const participants = participantsSchema.parse({
    current: counts.aktuella,
    new: counts.nya,
    ended: counts.avslutade,
    endReasons,
    women: counts.kvinnor,
    men: counts.man,
  });
  return {
    forbund: forbund.id,
    verksamhet: verksamhet.id,
    year,
    tertial,
    participants,
    money: { budgetTkr: amounts.budget_tkr, outcomeTkr: amounts.utfall_tkr },
    indicators,
    ...(lagesrapport !== '' ? { lagesrapport } : {}),
    exempeldata,
  };
}

function checkHeader(columns: readonly string[], errors: ImportError[], row: number): void {
  const folded = columns.map(foldColumn);
  for (const required of REQUIRED_COLUMNS) {
    if (!folded.includes(required)) errors.push({ row, column: required, message: 'kolumnen saknas i rubrikraden' });
  }
  const seen = new Set<string>();
  columns.forEach((c, i) => {
    const f = folded[i] ?? '';
    if (f === '') return;
    if (seen.has(f)) errors.push({ row, column: c, message: 'kolumnen finns två gånger' });
    seen.add(f);
    if (!(REQUIRED_COLUMNS as readonly string[]).includes(f) && !OPTIONAL_COLUMNS.includes(f) && !f.startsWith(INDICATOR_PREFIX)) {
      errors.push({ row, column: c, message: 'okänd kolumn (se mallen templates/tertialrapport.csv)' });
    }
  });
}

function checkDuplicates(rows: { row: number; parsed: ImportedRow }[], errors: ImportError[]): void {
  const first = new Map<string, number>();
  for (const { row, parsed } of rows) {
    const key = `${parsed.forbund}/${parsed.verksamhet}/${parsed.year}/${parsed.tertial}`;
    const earlier = first.get(key);
    if (earlier !== undefined) errors.push({ row, column: 'tertial', message: `${parsed.verksamhet} ${parsed.tertial} ${parsed.year} finns redan på rad ${earlier}` });
    else first.set(key, row);
  }
}

function fromCells(entries: { row: number; cells: Cells }[], ctx: ImportContext, errors: ImportError[]): ImportedRow[] {
  const parsed = entries.flatMap(({ row, cells }) => {
    const r = validateRow(row, cells, ctx, errors);
    return r ? [{ row, parsed: r }] : [];
  });
  checkDuplicates(parsed, errors);
  return parsed.map((p) => p.parsed);
}

/** Parses and validates a CSV import (separator `;`, `,` or tab, detected from the header). */
export function parseTertialCsv(text: string, ctx: ImportContext): ImportResult {
  const errors: ImportError[] = [];
  const firstLine = text.replace(/^\uFEFF/, '').split('\n').find((l) => l.trim() !== '' && !l.startsWith('#')) ?? '';
  const records = readCsv(text, detectSeparator(firstLine));
  const header = records[0];
  if (!header) return { rows: [], errors: [{ row: 1, message: 'filen är tom: rubrikraden saknas' }], format: 'csv' };
  const columns = header.cells.map((c) => c.trim());
  checkHeader(columns, errors, header.line);
  if (records.length === 1) errors.push({ row: header.line, message: 'filen har inga rader med siffror' });
  if (errors.length > 0) return { rows: [], errors, format: 'csv' };
  const entries = records.slice(1).map(({ line, cells }) => {
    const map: Cells = new Map();
    if (cells.length > columns.length) errors.push({ row: line, message: `raden har ${cells.length} fält men rubrikraden ${columns.length}` });
    columns.forEach((column, i) => map.set(foldColumn(column), { column, value: cells[i] ?? '' }));
    return { row: line, cells: map };
  });
  const rows = fromCells(entries, ctx, errors);
  return { rows: errors.length > 0 ? [] : rows, errors: sortErrors(errors), format: 'csv' };
}

/** Parses and validates a JSON import: a list of objects keyed by the same column names as the CSV. */
export function parseTertialJson(text: string, ctx: ImportContext): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { rows: [], errors: [{ row: 0, message: `ogiltig JSON (${(error as Error).message})` }], format: 'json' };
  }
  if (!Array.isArray(value)) return { rows: [], errors: [{ row: 0, message: 'filen ska innehålla en JSON-lista med en post per rapport' }], format: 'json' };
  const errors: ImportError[] = [];
  if (value.length === 0) errors.push({ row: 0, message: 'listan är tom' });
  const entries = value.flatMap((item: unknown, i) => {
    const row = i + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors.push({ row, message: 'posten ska vara ett objekt med kolumnnamn som nycklar' });
      return [];
    }
    const columns = Object.keys(item);
    const local: ImportError[] = [];
    checkHeader(columns, local, row);
    errors.push(...local);
    const map: Cells = new Map();
    for (const [column, v] of Object.entries(item as Record<string, unknown>)) {
      const text = v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'ja' : 'nej') : typeof v === 'object' ? JSON.stringify(v) : String(v);
      map.set(foldColumn(column), { column, value: text });
    }
    return local.length > 0 ? [] : [{ row, cells: map }];
  });
  const rows = fromCells(entries, ctx, errors);
  return { rows: errors.length > 0 ? [] : rows, errors: sortErrors(errors), format: 'json' };
}

/** Picks the parser by file name (`.json` → JSON, else CSV). */
export function parseTertialFile(fileName: string, text: string, ctx: ImportContext): ImportResult {
  return fileName.toLowerCase().endsWith('.json') ? parseTertialJson(text, ctx) : parseTertialCsv(text, ctx);
}

function sortErrors(errors: ImportError[]): ImportError[] {
  return [...errors].sort((a, b) => a.row - b.row);
}

/** "Rad 3, kolumn "avslutade": ska vara ett heltal …" — one line per error. */
export function formatImportError(e: ImportError, format: 'csv' | 'json'): string {
  const where = format === 'json' ? (e.row === 0 ? 'Filen' : `Post ${e.row}`) : `Rad ${e.row}`;
  return `${where}${e.column ? `, kolumn "${e.column}"` : ''}: ${e.message}`;
}

