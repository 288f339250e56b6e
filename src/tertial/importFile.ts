import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AgreementData } from '../data/load.js';
import { formatImportError, parseTertialFile } from '../domain/tertial/importRows.js';
import type { StateStore } from '../state/store.js';
import type { TertialReport } from '../state/tertialReports.js';
import { importContextFromData } from './importContext.js';
import { importReports } from './reportsStore.js';

export type ImportOutcome =
  | { ok: true; reports: TertialReport[]; importId: string; message: string }
  | { ok: false; errors: string[]; message: string };

/**
 * Validates a tertial file's text and, only when every row passes, stores all rows as new versions
 * with one audit entry. The message is Swedish and lists every error by row and column.
 */
export async function importTertialText(
  deps: { data: AgreementData; state: StateStore },
  fileName: string,
  text: string,
  meta: { actor: string; at: string },
): Promise<ImportOutcome> {
  const parsed = parseTertialFile(fileName, text, importContextFromData(deps.data));
  if (parsed.errors.length > 0) {
    const errors = parsed.errors.map((e) => formatImportError(e, parsed.format));
    return {
      ok: false,
      errors,
      message: `Inget importerades: ${errors.length} fel i ${fileName}. Rätta felen och importera hela filen igen.\n${errors.map((e) => `  - ${e}`).join('\n')}`,
    };
  }
  const { reports, importId } = await importReports(deps.state, parsed.rows, { ...meta, sourceFile: path.basename(fileName) });
  const lines = reports.map((r) => `  - ${r.verksamhet} ${r.tertial} ${r.year}${r.version > 1 ? ` (version ${r.version}, ersätter tidigare)` : ''}${r.exempeldata ? ' [EXEMPELDATA]' : ''}`);
  return { ok: true, reports, importId, message: `Importerade ${reports.length} tertialrapport${reports.length === 1 ? '' : 'er'} från ${path.basename(fileName)}:\n${lines.join('\n')}` };
}

/** Reads the file and imports it (`npm run import -- tertial FILE`). */
export async function importTertialFile(
  deps: { data: AgreementData; state: StateStore },
  file: string,
  meta: { actor: string; at: string },
): Promise<ImportOutcome> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const message = `Filen ${file} kan inte läsas (${(error as NodeJS.ErrnoException).code ?? String(error)}).`;
    return { ok: false, errors: [message], message };
  }
  return importTertialText(deps, file, text, meta);
}
