import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AgreementData } from '../data/load.js';
import { groupNames } from '../domain/calendar/fromData.js';
import {
  formatCalendarImportError, parseCalendarCsv, parseCalendarJson, type CalendarImportContext, type CalendarImportResult,
} from '../domain/calendar/importRows.js';
import type { StateStore } from '../state/store.js';

export interface CalendarImportOutcome {
  ok: boolean;
  /** Swedish summary or the list of errors, one per line. */
  message: string;
  imported: number;
}

export function calendarImportContext(data: AgreementData, state: StateStore): CalendarImportContext {
  return {
    forbund: data.forbund,
    groups: groupNames(data),
    existing: [...data.calendarEvents, ...state.read().calendarAdditions],
  };
}

/**
 * Validates `text` (CSV or JSON) and, only if every row passes, stores all rows in one state write
 * (`calendarAdditions`), so nothing is ever half-imported.
 */
export async function importCalendarText(
  deps: { data: AgreementData; state: StateStore },
  text: string,
  format: 'csv' | 'json',
  meta: { by: string; at: string; via: 'cli' | 'chat'; file?: string },
): Promise<CalendarImportOutcome> {
  const ctx = calendarImportContext(deps.data, deps.state);
  const result: CalendarImportResult = format === 'json' ? parseCalendarJson(text, ctx) : parseCalendarCsv(text, ctx);
  if (!result.ok) {
    const lines = result.errors.map((e) => formatCalendarImportError(e, format));
    return { ok: false, imported: 0, message: [`Inget importerades – ${result.errors.length} fel:`, ...lines].join('\n') };
  }
  await deps.state.update((draft) => {
    result.additions.forEach((a, i) => {
      draft.calendarAdditions.push({ ...a, imported: { at: meta.at, by: meta.by, via: meta.via, file: meta.file, row: result.rows[i] } });
    });
    draft.audit.push({
      id: `calendar-import-${meta.at}-${draft.audit.length + 1}`,
      at: meta.at,
      actor: meta.by,
      action: 'calendar-import',
      summary: `Importerade ${result.additions.length} händelser till årshjulet${meta.file ? ` från ${meta.file}` : ''} (${meta.via}).`,
      details: { count: result.additions.length, ids: result.additions.map((a) => `${a.forbund}/${a.id}`) },
    });
  });
  const dates = result.additions.map((a) => a.date).sort();
  const first = dates[0];
  const last = dates.at(-1);
  return {
    ok: true,
    imported: result.additions.length,
    message: `Importerade ${result.additions.length} händelser till årshjulet${first ? ` (${first}${last && last !== first ? ` – ${last}` : ''})` : ''}.`,
  };
}

/** `npm run import -- calendar FIL`: the file's format by its extension (.json, else CSV). */
export async function importCalendarFile(
  deps: { data: AgreementData; state: StateStore },
  file: string,
  meta: { by: string; at: string },
): Promise<CalendarImportOutcome> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, imported: 0, message: `Filen ${file} kan inte läsas (${(error as NodeJS.ErrnoException).code ?? String(error)}).` };
  }
  const format = path.extname(file).toLowerCase() === '.json' ? 'json' : 'csv';
  return importCalendarText(deps, text, format, { ...meta, via: 'cli', file: path.basename(file) });
}
