import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { describeCandidate } from '../../ingest/drafts.js';
import { IngestError, ingestDocument, missingMeta, type IngestOptions, type IngestReport, type MissingMeta } from '../../ingest/ingest.js';

const USAGE = 'Användning: npm run data:ingest -- <förbund> <fil> [--title "<titel>"] [--date ÅÅÅÅ-MM-DD] [--kind <typ>] [--doc <id>.txt]\n'
  + '  filtyper: .txt, .md, .docx, .pdf; typ t.ex. överenskommelse, uppdragsavtal, verksamhetsplan, mötesplan, protokoll';

const FLAG_TEXT: Record<MissingMeta, string> = { title: '--title "<titel>"', date: '--date ÅÅÅÅ-MM-DD', kind: '--kind <typ>' };
const QUESTION: Record<MissingMeta, string> = {
  title: 'Dokumentets titel (som den ska stå i källhänvisningen): ',
  date: 'Dokumentets datum (beslut eller underskrift, ÅÅÅÅ-MM-DD): ',
  kind: 'Typ av dokument (t.ex. överenskommelse, uppdragsavtal, mötesplan): ',
};

function parse(argv: string[]): { options?: IngestOptions; error?: string } {
  const words: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const m = /^--(title|date|kind|doc)(?:=(.*))?$/.exec(arg);
    if (m?.[1]) {
      const value = m[2] ?? argv[i + 1];
      if (value === undefined || (m[2] === undefined && value.startsWith('--'))) return { error: `--${m[1]} behöver ett värde.` };
      flags[m[1]] = value;
      if (m[2] === undefined) i += 1;
    } else if (arg === '--help' || arg === '-h') return { error: '' };
    else if (arg.startsWith('--')) return { error: `Okänd flagga: ${arg}` };
    else words.push(arg);
  }
  if (words.length !== 2) return { error: 'Ange förbundet och filen.' };
  return { options: { forbund: words[0] ?? '', file: words[1] ?? '', title: flags.title, date: flags.date, kind: flags.kind, doc: flags.doc } };
}

function printReport(report: IngestReport, forbund: string): void {
  const out: string[] = [];
  out.push(`${report.replaced ? 'Läste in igen' : 'Läste in'} ${report.doc}: ${report.passages} avsnitt, sökbara direkt (servern läser om data/ av sig själv).`);
  if (report.replaced) {
    if (report.added.length + report.removed.length + report.changed.length === 0) out.push('Inga avsnitt har ändrats sedan förra inläsningen.');
    if (report.added.length) out.push(`Nya avsnitt: ${report.added.join('; ')}`);
    if (report.removed.length) out.push(`Borttagna avsnitt: ${report.removed.join('; ')}`);
    if (report.changed.length) out.push(`Ändrade avsnitt: ${report.changed.join('; ')}`);
  }
  if (report.personnummerRemoved > 0) out.push(`${report.personnummerRemoved} personnummer togs bort ur texten innan den sparades.`);
  const diak = report.ocr.filter((f) => f.kind === 'diakrit');
  const digits = report.ocr.filter((f) => f.kind === 'siffra');
  if (report.ocr.length === 0) out.push('Inga tecken på OCR-fel.');
  else {
    out.push(`Möjliga OCR-fel (${report.ocr.length}) – kontrollera mot originalet:`);
    for (const f of diak.slice(0, 15)) out.push(`  rad ${f.line} (${f.section}): "${f.text}" – saknar å/ä/ö? (${f.suggestion})`);
    if (diak.length > 15) out.push(`  … och ${diak.length - 15} ord till utan å/ä/ö`);
    for (const f of digits.slice(0, 15)) out.push(`  rad ${f.line} (${f.section}): "${f.text}" – tal med bokstäver i`);
    if (digits.length > 15) out.push(`  … och ${digits.length - 15} tal till`);
  }
  if (report.candidates.length === 0) out.push('Inga nya förslag att granska.');
  else {
    out.push(`Förslag att granska (${report.candidates.length}, i drafts/ – används inte som fakta förrän de godkänts):`);
    for (const c of report.candidates) out.push(`  ${c.id}  ${describeCandidate(c)}`);
  }
  if (report.alreadyReviewed > 0) out.push(`${report.alreadyReviewed} förslag är redan granskade och föreslås inte igen.`);
  out.push(`Nästa steg: npm run data:review -- ${forbund}   (accept <id> | reject <id> | accept --all-kind möten)`);
  process.stdout.write(`${out.join('\n')}\n`);
}

async function main(argv: string[]): Promise<number> {
  const parsed = parse(argv);
  if (!parsed.options) {
    (parsed.error ? process.stderr : process.stdout).write(`${parsed.error ? `${parsed.error}\n` : ''}${USAGE}\n`);
    return parsed.error ? 2 : 0;
  }
  const options = parsed.options;
  const dataDir = path.resolve(process.env.DATA_DIR ?? 'data');
  try {
    const missing = await missingMeta(dataDir, options);
    if (missing.length > 0) {
      if (!process.stdin.isTTY) {
        process.stderr.write(`Dokumentet saknar ${missing.map((m) => FLAG_TEXT[m]).join(', ')} och det finns ingen terminal att fråga på.\n`
          + `Ange ${missing.length === 1 ? 'flaggan' : 'flaggorna'}, t.ex.: npm run data:ingest -- ${options.forbund} ${options.file} --title "Överenskommelse 2027" --date 2026-12-01 --kind överenskommelse\n`);
        return 2;
      }
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        for (const m of missing) {
          let answer = '';
          while (answer === '') answer = (await rl.question(QUESTION[m])).trim();
          options[m] = answer;
        }
      } finally {
        rl.close();
      }
    }
    printReport(await ingestDocument(dataDir, options), options.forbund);
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof IngestError ? error.exitCode : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
