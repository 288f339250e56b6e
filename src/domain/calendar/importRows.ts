import { z } from 'zod';
import type { CalendarAddition } from '../../data/schema.js';
import { isIsoDay } from '../dates.js';
import { normalize } from '../text.js';
import { foldColumn, readCsv } from '../tertial/importRows.js';
import type { GroupName } from './groups.js';

/**
 * Validation of a mötesplan import (issue 6: "row-level Swedish errors by row and column, nothing
 * half-imported"). Pure: the file's text and what is already known come in; additions or every
 * error come out. CSV header (separator `;` or `,`; `#` lines are comments), documented in
 * templates/motesplan.csv:
 *
 *   förbund;grupp;datum;slutdatum;typ;tid;starttid;sluttid;plats;titel;ämnen;anteckning
 *
 * Required: förbund, grupp, datum, titel. `grupp`: an organ or verksamhet id or name (styrelse, SSG,
 * Vuxentorget). `typ`: möte (default), deadline, period, annat. `tid`: förmiddag, eftermiddag, heldag.
 * `ämnen`: separated by `|`. JSON: an array of objects with the same keys (å/ä/ö optional).
 */

export interface CalendarImportContext {
  forbund: readonly { id: string; name: string; aliases: readonly string[] }[];
  groups: readonly GroupName[];
  /** Events already known (data/ and earlier imports), to refuse duplicates. */
  existing: readonly { forbund: string; organ?: string; verksamhet?: string; date: string; title: string }[];
}

export interface CalendarImportError {
  row: number;
  column?: string;
  message: string;
}

export type CalendarImportResult =
  | { ok: true; additions: Omit<CalendarAddition, 'imported'>[]; rows: number[] }
  | { ok: false; errors: CalendarImportError[] };

export const CALENDAR_COLUMNS = ['forbund', 'grupp', 'datum', 'slutdatum', 'typ', 'tid', 'starttid', 'sluttid', 'plats', 'titel', 'amnen', 'anteckning'] as const;
const REQUIRED = ['forbund', 'grupp', 'datum', 'titel'] as const;

const KINDS: Readonly<Record<string, CalendarAddition['kind']>> = {
  mote: 'meeting', sammantrade: 'meeting', meeting: 'meeting', deadline: 'deadline', sista: 'deadline',
  period: 'period', annat: 'other', other: 'other', ovrigt: 'other',
};
const PARTS: Readonly<Record<string, NonNullable<CalendarAddition['partOfDay']>>> = {
  formiddag: 'formiddag', fm: 'formiddag', eftermiddag: 'eftermiddag', em: 'eftermiddag', heldag: 'heldag',
};

function slug(text: string): string {
  return normalize(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'handelse';
}

function resolveForbund(value: string, ctx: CalendarImportContext): string | undefined {
  const v = normalize(value);
  return ctx.forbund.find((f) => [f.id, f.name, ...f.aliases].some((n) => normalize(n) === v))?.id;
}

function resolveGroup(value: string, forbund: string, ctx: CalendarImportContext): GroupName | undefined {
  const v = normalize(value);
  return ctx.groups.find((g) => g.forbund === forbund && [g.id, g.name, ...g.aliases].some((n) => normalize(n) === v));
}

/** One row's cells by folded column name → an addition, or the row's errors. */
function validateRow(
  row: number, cells: ReadonlyMap<string, string>, ctx: CalendarImportContext, label: (column: string) => string,
): { addition?: Omit<CalendarAddition, 'imported'>; errors: CalendarImportError[] } {
  const errors: CalendarImportError[] = [];
  const err = (column: string, message: string) => errors.push({ row, column: label(column), message });
  const get = (column: string) => (cells.get(column) ?? '').trim();

  for (const column of REQUIRED) if (get(column) === '') err(column, 'saknar värde');

  const forbund = get('forbund') ? resolveForbund(get('forbund'), ctx) : undefined;
  if (get('forbund') && !forbund) err('forbund', `”${get('forbund')}” är inget känt förbund (${ctx.forbund.map((f) => f.id).join(', ')})`);
  const group = forbund && get('grupp') ? resolveGroup(get('grupp'), forbund, ctx) : undefined;
  if (forbund && get('grupp') && !group) err('grupp', `”${get('grupp')}” är ingen känd grupp eller verksamhet i ${forbund}`);

  const date = get('datum');
  if (date && !isIsoDay(date)) err('datum', `”${date}” är inget giltigt datum (ÅÅÅÅ-MM-DD)`);
  const endDate = get('slutdatum') || undefined;
  if (endDate && !isIsoDay(endDate)) err('slutdatum', `”${endDate}” är inget giltigt datum (ÅÅÅÅ-MM-DD)`);
  if (endDate && isIsoDay(endDate) && isIsoDay(date) && endDate < date) err('slutdatum', 'ligger före datum');

  const kindText = normalize(get('typ'));
  const kind = kindText === '' ? 'meeting' : KINDS[kindText];
  if (!kind) err('typ', `”${get('typ')}” ska vara möte, deadline, period eller annat`);

  const partText = normalize(get('tid'));
  const partOfDay = partText === '' ? undefined : PARTS[partText];
  if (partText !== '' && !partOfDay) err('tid', `”${get('tid')}” ska vara förmiddag, eftermiddag eller heldag`);

  const time = (column: string) => {
    const t = get(column);
    if (t === '') return undefined;
    const m = /^(\d{1,2})[:.](\d{2})$/.exec(t);
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
      err(column, `”${t}” är ingen giltig tid (TT:MM)`);
      return undefined;
    }
    return `${m[1]?.padStart(2, '0')}:${m[2]}`;
  };
  const startTime = time('starttid');
  const endTime = time('sluttid');
  if (endTime && !startTime && get('starttid') === '') err('sluttid', 'sluttid utan starttid');
  if (startTime && endTime && endTime <= startTime && (endDate === undefined || endDate === date)) err('sluttid', 'ligger inte efter starttid');

  const title = get('titel');
  if (group && isIsoDay(date) && title) {
    const duplicate = ctx.existing.some((e) =>
      e.forbund === forbund && e.date === date && (e.organ === group.id || e.verksamhet === group.id) && normalize(e.title) === normalize(title));
    if (duplicate) err('titel', `”${title}” ${date} finns redan i årshjulet`);
  }
  if (errors.length > 0 || !forbund || !group || !kind) return { errors };
  return {
    errors,
    addition: {
      id: `${group.id}-${date}-${slug(title)}`,
      forbund,
      kind,
      ...(group.kind === 'organ' ? { organ: group.id } : { verksamhet: group.id }),
      alsoOrgans: [],
      date,
      ...(endDate ? { endDate } : {}),
      ...(partOfDay ? { partOfDay } : {}),
      ...(startTime ? { startTime } : {}),
      ...(endTime ? { endTime } : {}),
      ...(get('plats') ? { place: get('plats') } : {}),
      title,
      topics: get('amnen').split('|').map((t) => t.trim()).filter((t) => t !== ''),
      ...(get('anteckning') ? { note: get('anteckning') } : {}),
    },
  };
}

/** All rows pass, or nothing: duplicate rows inside the file are errors too. */
function finish(rows: { row: number; result: ReturnType<typeof validateRow> }[]): CalendarImportResult {
  const errors = rows.flatMap((r) => r.result.errors);
  const seen = new Map<string, number>();
  for (const { row, result } of rows) {
    if (!result.addition) continue;
    const first = seen.get(result.addition.id);
    if (first !== undefined) errors.push({ row, column: 'titel', message: `samma händelse som rad ${first}` });
    else seen.set(result.addition.id, row);
  }
  if (rows.length === 0) errors.push({ row: 1, message: 'filen har inga rader att importera' });
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  return { ok: true, additions: rows.map((r) => r.result.addition).filter((a) => a !== undefined), rows: rows.map((r) => r.row) };
}

export function parseCalendarCsv(text: string, ctx: CalendarImportContext): CalendarImportResult {
  const firstLine = text.replace(/^\uFEFF/, '').split('\n').find((l) => l.trim() !== '' && !l.startsWith('#')) ?? '';
  const records = readCsv(text, firstLine.includes(';') ? ';' : ',');
  const header = records[0];
  if (!header) return { ok: false, errors: [{ row: 1, message: 'filen är tom' }] };
  const columns = header.cells.map(foldColumn);
  const label = (column: string) => header.cells[columns.indexOf(column)]?.trim() || column;
  const errors: CalendarImportError[] = [];
  for (const column of REQUIRED) if (!columns.includes(column)) errors.push({ row: header.line, column, message: 'kolumnen saknas i rubrikraden' });
  columns.forEach((c, i) => {
    if (!(CALENDAR_COLUMNS as readonly string[]).includes(c)) errors.push({ row: header.line, column: header.cells[i]?.trim() ?? c, message: `okänd kolumn (tillåtna: ${CALENDAR_COLUMNS.join(', ')})` });
  });
  if (errors.length > 0) return { ok: false, errors };
  const rows = records.slice(1).map((r) => {
    const cells = new Map(columns.map((c, i) => [c, r.cells[i] ?? '']));
    const extra = r.cells.length > columns.length && r.cells.slice(columns.length).some((c) => c.trim() !== '');
    const result = validateRow(r.line, cells, ctx, label);
    if (extra) result.errors.push({ row: r.line, message: `raden har fler fält än rubrikraden (${r.cells.length} mot ${columns.length})` });
    return { row: r.line, result };
  });
  return finish(rows);
}

const jsonRowSchema = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string()), z.null()]));

export function parseCalendarJson(text: string, ctx: CalendarImportContext): CalendarImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ row: 1, message: `ogiltig JSON (${(error as Error).message})` }] };
  }
  if (!Array.isArray(value)) return { ok: false, errors: [{ row: 1, message: 'JSON-filen ska vara en lista med händelser' }] };
  const rows = value.map((item, i) => {
    const row = i + 1;
    const parsed = jsonRowSchema.safeParse(item);
    if (!parsed.success) return { row, result: { errors: [{ row, message: 'ska vara ett objekt med text- eller talvärden' }] } };
    const cells = new Map<string, string>();
    const unknown: CalendarImportError[] = [];
    for (const [key, v] of Object.entries(parsed.data)) {
      const column = foldColumn(key);
      if (!(CALENDAR_COLUMNS as readonly string[]).includes(column)) unknown.push({ row, column: key, message: 'okänt fält' });
      cells.set(column, Array.isArray(v) ? v.join('|') : v === null ? '' : String(v));
    }
    const result = validateRow(row, cells, ctx, (c) => c);
    result.errors.push(...unknown);
    return { row, result };
  });
  return finish(rows);
}

/** "Rad 3, kolumn datum: ”2024-02-30” är inget giltigt datum (ÅÅÅÅ-MM-DD)". JSON rows are "post". */
export function formatCalendarImportError(e: CalendarImportError, format: 'csv' | 'json'): string {
  return `${format === 'json' ? 'Post' : 'Rad'} ${e.row}${e.column ? `, ${format === 'json' ? 'fält' : 'kolumn'} ${e.column}` : ''}: ${e.message}`;
}
