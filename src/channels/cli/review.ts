import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { describeCandidate } from '../../ingest/drafts.js';
import { acceptCandidates, kindOfWord, pendingCandidates, rejectCandidates, type Pending } from '../../ingest/review.js';

const USAGE = 'Användning: npm run data:review -- <förbund>                       listar förslagen (på en terminal: går igenom dem ett i taget)\n'
  + '        npm run data:review -- <förbund> accept <id>… [--party <part-id>]   godkänner förslag (flyttas in i data/ med källa)\n'
  + '        npm run data:review -- <förbund> accept --all-kind <slag>          t.ex. möten, parter, organisationsnummer, kontakter, belopp\n'
  + '        npm run data:review -- <förbund> reject <id>… [--reason "<varför>"]  avvisar förslag (föreslås inte igen)\n'
  + '        npm run data:review -- <förbund> reject --all-kind <slag>';

function list(pending: readonly Pending[], forbund: string): string {
  if (pending.length === 0) return `Inga förslag väntar på granskning för ${forbund}.`;
  const lines = [`${pending.length} förslag väntar på granskning (${forbund}); inget av dem används som fakta förrän det godkänts:`];
  let doc = '';
  for (const { candidate: c } of pending) {
    if (c.source.doc !== doc) { doc = c.source.doc; lines.push(`${doc}:`); }
    lines.push(`  ${c.id}  ${describeCandidate(c)}`);
    lines.push(`      ${c.source.section}: "${c.context.length > 160 ? `${c.context.slice(0, 157)}…` : c.context}"`);
  }
  lines.push(`Godkänn: npm run data:review -- ${forbund} accept <id>   Avvisa: npm run data:review -- ${forbund} reject <id>`);
  return lines.join('\n');
}

async function interactive(dataDir: string, forbund: string, pending: readonly Pending[], party?: string): Promise<number> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (const p of pending) {
      process.stdout.write(`\n${p.candidate.id}  ${describeCandidate(p.candidate)}\n  ${p.candidate.source.section}: "${p.candidate.context}"\n`);
      const answer = normalizeAnswer(await rl.question('[g]odkänn, [a]vvisa, [h]oppa över, [s]luta: '));
      if (answer === 's') break;
      try {
        if (answer === 'g') process.stdout.write(`${(await acceptCandidates(dataDir, forbund, [p], { party })).messages.join('\n')}\n`);
        else if (answer === 'a') process.stdout.write(`${(await rejectCandidates(dataDir, forbund, [p])).messages.join('\n')}\n`);
      } catch (error) {
        process.stderr.write(`${(error as Error).message}\n`);
      }
    }
  } finally {
    rl.close();
  }
  return 0;
}

function normalizeAnswer(a: string): string {
  return a.trim().toLowerCase().charAt(0);
}

async function main(argv: string[]): Promise<number> {
  const words: string[] = [];
  let allKind: string | undefined;
  let party: string | undefined;
  let reason: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--all-kind' || arg === '--party' || arg === '--reason') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) { process.stderr.write(`${arg} behöver ett värde.\n${USAGE}\n`); return 2; }
      if (arg === '--all-kind') allKind = value;
      else if (arg === '--party') party = value;
      else reason = value;
      i += 1;
    } else if (arg === '--help' || arg === '-h') { process.stdout.write(`${USAGE}\n`); return 0; }
    else if (arg.startsWith('--')) { process.stderr.write(`Okänd flagga: ${arg}\n${USAGE}\n`); return 2; }
    else words.push(arg);
  }
  const [forbund, action, ...ids] = words;
  if (!forbund) { process.stderr.write(`${USAGE}\n`); return 2; }
  const dataDir = path.resolve(process.env.DATA_DIR ?? 'data');
  try {
    const pending = await pendingCandidates(dataDir, forbund);
    if (action === undefined || action === 'list') {
      if (action === undefined && process.stdin.isTTY && process.stdout.isTTY && pending.length > 0) return interactive(dataDir, forbund, pending, party);
      process.stdout.write(`${list(pending, forbund)}\n`);
      return 0;
    }
    if (action !== 'accept' && action !== 'reject') { process.stderr.write(`Okänt kommando: ${action}\n${USAGE}\n`); return 2; }
    let chosen: Pending[];
    if (allKind !== undefined) {
      const kind = kindOfWord(allKind);
      if (!kind) { process.stderr.write(`Okänt slag: ${allKind} (möten, parter, organisationsnummer, kontakter, belopp)\n`); return 2; }
      chosen = pending.filter((p) => p.candidate.kind === kind);
      if (chosen.length === 0) { process.stdout.write(`Inga förslag av slaget ${allKind} väntar.\n`); return 0; }
    } else {
      if (ids.length === 0) { process.stderr.write(`Ange förslagens id eller --all-kind <slag>.\n${USAGE}\n`); return 2; }
      const unknown = ids.filter((id) => !pending.some((p) => p.candidate.id === id));
      if (unknown.length > 0) { process.stderr.write(`Inga väntande förslag med id ${unknown.join(', ')} (se npm run data:review -- ${forbund}).\n`); return 2; }
      chosen = pending.filter((p) => ids.includes(p.candidate.id));
    }
    const outcome = action === 'accept'
      ? await acceptCandidates(dataDir, forbund, chosen, { party })
      : await rejectCandidates(dataDir, forbund, chosen, reason);
    process.stdout.write(`${outcome.messages.join('\n')}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
