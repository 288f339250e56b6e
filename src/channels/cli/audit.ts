import { parseConfig } from '../../config.js';
import { openStateStore } from '../../state/store.js';
import type { AuditEntry } from '../../state/audit.js';
import { reportCliError } from './runtime.js';

/**
 * `npm run audit [-- --json] [--limit N]`: the audit log of the state file (STATE_FILE), oldest
 * first — who imported or posted what, when.
 */

export function formatAuditEntry(e: AuditEntry): string {
  const details = Object.entries(e.details)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`)
    .join(' ');
  return `${e.at}  ${e.actor}  ${e.action}  ${e.summary}${details ? `  [${details}]` : ''}`;
}

async function main(argv: readonly string[]): Promise<void> {
  const json = argv.includes('--json');
  const limitAt = argv.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(argv[limitAt + 1]) : undefined;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new Error('--limit behöver ett positivt heltal.');
  const config = parseConfig(process.env);
  const state = await openStateStore(config.STATE_FILE, { readOnly: true });
  const entries = [...state.read().audit].sort((a, b) => a.at.localeCompare(b.at));
  const shown = limit ? entries.slice(-limit) : entries;
  if (json) {
    for (const e of shown) process.stdout.write(`${JSON.stringify(e)}\n`);
    return;
  }
  if (shown.length === 0) {
    process.stdout.write(`Granskningsloggen i ${state.file} är tom.\n`);
    return;
  }
  process.stdout.write(`${shown.map(formatAuditEntry).join('\n')}\n`);
}

main(process.argv.slice(2)).catch(reportCliError);
