import { existsSync } from 'node:fs';
import path from 'node:path';
import { KIND_NAMES, forbundSchema, idSchema, type DocumentInfo } from '../data/schema.js';
import { readDocuments, sourceTextPath, todayIso, writeJsonFile, writeTextFile } from './dataFiles.js';

export interface NewForbundOptions {
  id: string;
  name: string;
  aliases?: string[];
  municipalities?: string[];
  today?: string;
}

/** The short name people type: "Samordningsförbundet Norrvik" → "Norrvik", "Norrviks samordningsförbund" → "Norrvik". */
export function shortNames(name: string): string[] {
  const out: string[] = [];
  const prefix = /^samordningsförbundet\s+(.+)$/iu.exec(name.trim());
  if (prefix?.[1]) out.push(prefix[1]);
  const suffix = /^(.+?)s?\s+samordningsförbund$/iu.exec(name.trim());
  if (suffix?.[1]) out.push(suffix[1]);
  return out;
}

const README = (name: string, id: string, doc: string): string => `# ${name}

Förbundets kurerade data. Allt här valideras av \`npm run data:check\` och läses av boten utan
omstart. Varje post har en källa, \`source: { doc, section }\`, där \`doc\` finns i \`data/documents.json\`.

| fil | vad |
|---|---|
| \`forbund.json\` | förbundet: namn, alias (det användarna skriver), medlemmar, kommuner, kansli |
| \`parties.json\` | parterna: namn, typ (stat, region, kommun, forbund, other), organisationsnummer, enheter |
| \`organs.json\` | styrelse, beredningsgrupp, styrgrupper … (det påminnelser prenumereras på) |
| \`verksamheter.json\` | verksamheterna, med målgrupp och bemanning |
| \`agreements.json\` | överenskommelser och avtal: parter, giltighet, mål, uppföljning |
| \`commitments.json\` | vad varje part åtar sig |
| \`contacts.json\` | vem man kontaktar för vad (roll, telefon, e-post) |
| \`calendarEvents.json\`, \`calendarRules.json\` | daterade möten och årligen återkommande regler (årshjulet) |
| \`budgets.json\` | budgettabeller (raderna måste summera till de angivna summorna) |
| \`passages.json\`, \`passages.<dokument>.json\` | dokumenttext för sökningen; \`data:ingest\` skriver en fil per dokument |
| \`initiativ.json\`, \`decisions.json\`, \`applications.json\` | samverkansinitiativ, beslut, ansökningar |
| \`individprocesser.json\`, \`paths.json\`, \`processRules.json\` | aktualiseringsreglerna |
| \`sources/\` | texten ur varje inläst dokument (\`${doc}\` är förbundets registrering) |
| \`drafts/\` | förslag från \`data:ingest\` som väntar på granskning; **används aldrig som fakta** |

Arbetsgång: \`npm run data:ingest -- ${id} <fil>\` läser in ett dokument (avsnitten blir sökbara
direkt och förslag hamnar i \`drafts/\`), \`npm run data:review -- ${id}\` visar förslagen och
\`accept\`/\`reject\` flyttar dem hit eller avvisar dem, \`npm run data:check\` kontrollerar allt.
Det som inga förslag täcker (t.ex. åtaganden, målgrupp, aktualiseringsregler) skrivs för hand.
`;

/**
 * `npm run forbund:new -- <id> "<namn>"`: data/<id>/ with one empty, valid file per kind the schemas
 * know, the förbund's own record and a README. The förbund record needs a source like every record;
 * its source is the registration itself (a short text in sources/ saying what the kansli gave), so
 * no name is claimed to stand in a document it does not.
 */
export async function createForbund(dataDir: string, options: NewForbundOptions): Promise<{ folder: string; files: string[] }> {
  const id = options.id.trim();
  const name = options.name.trim();
  if (!idSchema.safeParse(id).success) throw new Error(`Ogiltigt id "${id}": använd gemener, siffror och bindestreck (t.ex. norrvik).`);
  if (name === '') throw new Error('Ange förbundets namn, t.ex. "Samordningsförbundet Norrvik".');
  const folder = path.join(dataDir, id);
  if (existsSync(folder)) throw new Error(`${folder} finns redan; inget har ändrats.`);
  const documents = await readDocuments(dataDir);
  const doc = `${id}-registrering.txt`;
  if (documents.some((d) => d.doc === doc)) throw new Error(`${doc} finns redan i data/documents.json; inget har ändrats.`);
  const today = options.today ?? todayIso();

  const aliases = [...new Set([name, ...shortNames(name), ...(options.aliases ?? [])].map((a) => a.trim()).filter(Boolean))];
  const municipalities = [...new Set((options.municipalities ?? []).map((m) => m.trim()).filter(Boolean))];
  const section = 'Registrering';
  const record = forbundSchema.parse({
    id,
    name,
    aliases,
    municipalities,
    source: { doc, section },
    note: 'Skapat med npm run forbund:new. Medlemmar, organisationsnummer och kansli fylls i efter hand (data:ingest och data:review, eller för hand).',
  });
  const registration = `${section}\n\nFörbund: ${name}\nId: ${id}\n${aliases.length > 1 ? `Kallas även: ${aliases.slice(1).join(', ')}\n` : ''}`
    + `${municipalities.length > 0 ? `Kommuner: ${municipalities.join(', ')}\n` : ''}Registrerat ${today} med npm run forbund:new.\n`;
  const info: DocumentInfo = {
    doc,
    title: `${name}: registrering`,
    shortTitle: 'Registrering',
    date: today,
    forbund: [id],
    kind: 'registrering',
    note: 'Uppgifterna kansliet angav när förbundet skapades (npm run forbund:new); inget källdokument.',
  };

  const files: string[] = [];
  await writeTextFile(sourceTextPath(dataDir, id, doc), registration);
  for (const kind of KIND_NAMES) {
    const file = path.join(folder, `${kind}.json`);
    await writeJsonFile(file, kind === 'forbund' ? [record] : []);
    files.push(file);
  }
  await writeTextFile(path.join(folder, 'README.md'), README(name, id, doc));
  await writeJsonFile(path.join(dataDir, 'documents.json'), [...documents, info]);
  return { folder, files };
}
