import { randomUUID } from 'node:crypto';
import type { ImportedRow } from '../domain/tertial/importRows.js';
import type { AuditEntry } from '../state/audit.js';
import type { StateData } from '../state/schema.js';
import type { StateStore } from '../state/store.js';
import { reportKey, type TertialReport } from '../state/tertialReports.js';

/**
 * Tertial reports in the state file: imports add versions (all rows and the audit entry in one
 * atomic update, so a failure leaves nothing behind), answers read the newest version per key.
 */

export interface ImportMeta {
  actor: string;
  /** ISO timestamp. */
  at: string;
  sourceFile?: string;
}

/** Builds an audit entry (id and shape); callers push it inside a state update. */
export function auditEntry(actor: string, at: string, action: string, summary: string, details: AuditEntry['details'] = {}): AuditEntry {
  return { id: randomUUID(), at, actor, action, summary, details };
}

/**
 * Stores validated rows as new report versions and records the import in the audit log, in one
 * state update: either every row and the audit entry are written, or nothing is.
 */
export async function importReports(store: StateStore, rows: readonly ImportedRow[], meta: ImportMeta): Promise<{ importId: string; reports: TertialReport[] }> {
  if (rows.length === 0) throw new Error('Inga rader att importera.');
  return store.update((draft) => {
    const audit = auditEntry(meta.actor, meta.at, 'tertial-import', '', {});
    const reports = rows.map((row) => {
      const key = reportKey(row);
      const version = 1 + Math.max(0, ...draft.tertialReports.filter((r) => reportKey(r) === key).map((r) => r.version));
      const report: TertialReport = {
        ...row,
        id: `${key}/v${version}`,
        version,
        importedBy: meta.actor,
        importedAt: meta.at,
        ...(meta.sourceFile ? { sourceFile: meta.sourceFile } : {}),
        importId: audit.id,
      };
      draft.tertialReports.push(report);
      return report;
    });
    const replaced = reports.filter((r) => r.version > 1).length;
    audit.summary = `Importerade ${reports.length} tertialrapport${reports.length === 1 ? '' : 'er'}${replaced > 0 ? ` (${replaced} nya versioner av tidigare inlämnade)` : ''}${meta.sourceFile ? ` från ${meta.sourceFile}` : ''}.`;
    audit.details = {
      reports: reports.map((r) => r.id),
      count: reports.length,
      ...(meta.sourceFile ? { file: meta.sourceFile } : {}),
      exempeldata: reports.some((r) => r.exempeldata),
    };
    draft.audit.push(audit);
    return { importId: audit.id, reports };
  });
}

/** The newest version of every report. */
export function latestReports(state: Readonly<StateData>): TertialReport[] {
  const newest = new Map<string, TertialReport>();
  for (const r of state.tertialReports) {
    const key = reportKey(r);
    const seen = newest.get(key);
    if (!seen || r.version > seen.version) newest.set(key, r);
  }
  return [...newest.values()];
}

/** Every version of one report, oldest first. */
export function reportVersions(state: Readonly<StateData>, key: string): TertialReport[] {
  return state.tertialReports.filter((r) => reportKey(r) === key).sort((a, b) => a.version - b.version);
}

/** Appends one audit entry (its own state update). */
export async function recordAudit(store: StateStore, entry: AuditEntry): Promise<void> {
  await store.update((draft) => {
    draft.audit.push(entry);
  });
}
