import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { DataError, loadData } from '../data/load.js';
import { docIdSchema, isoDateSchema, passageSchema, type DocumentInfo, type Passage } from '../data/schema.js';
import { redactPersonnummer } from '../domain/personnummer.js';
import { findCandidates, slugId, type Candidate } from './candidates.js';
import { readDocuments, readJsonArray, sourceTextPath, writeJsonFile, writeTextFile } from './dataFiles.js';
import { draftFilePath, readReviewLog, writeDraftFile } from './drafts.js';
import { extractText, INGEST_EXTENSIONS } from './extract.js';
import { ocrFindings, type OcrFinding } from './ocr.js';
import { sectionText, splitSections } from './sections.js';

export interface IngestOptions {
  forbund: string;
  file: string;
  title?: string;
  date?: string;
  kind?: string;
  /** The document id (its file name in sources/, ending .txt); default from the file's name. */
  doc?: string;
  now?: Date;
}

/** What a document record still needs before ingest can write it (asked for on a terminal, else an error). */
export type MissingMeta = 'title' | 'date' | 'kind';

export interface IngestReport {
  doc: string;
  replaced: boolean;
  passages: number;
  added: string[];
  removed: string[];
  changed: string[];
  ocr: OcrFinding[];
  candidates: Candidate[];
  /** Candidates left out because the review log has already decided them. */
  alreadyReviewed: number;
  personnummerRemoved: number;
  files: string[];
}

export class IngestError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'IngestError';
  }
}

/** The document id a file gets: its name as a kebab-case slug, ending .txt ("Avtal 2027.pdf" → "avtal-2027.txt"). */
export function docIdFor(file: string): string {
  return `${slugId(path.basename(file, path.extname(file)), 60)}.txt`;
}

/** The metadata flags a document still lacks: none when re-ingesting a listed document (its record is kept). */
export async function missingMeta(dataDir: string, options: IngestOptions): Promise<MissingMeta[]> {
  const doc = options.doc ?? docIdFor(options.file);
  const known = (await readDocuments(dataDir)).find((d) => d.doc === doc);
  const missing: MissingMeta[] = [];
  if (!options.title && !known) missing.push('title');
  if (!options.date && !known) missing.push('date');
  if (!options.kind && !known) missing.push('kind');
  return missing;
}

function passagesFile(dataDir: string, forbund: string, doc: string): string {
  return path.join(dataDir, forbund, `passages.${doc.replace(/\.txt$/, '')}.json`);
}

/**
 * `npm run data:ingest`: reads a document (txt, md, docx, pdf), keeps its text in
 * data/<förbund>/sources/<doc> (so provenance checks and search work on a clean clone), lists it in
 * data/documents.json, writes one passage per section into data/<förbund>/passages.<doc>.json
 * (replacing the document's earlier passages) and proposes candidates into drafts/. The whole of
 * data/ is validated before the command ends; if it does not validate, every file is put back.
 */
export async function ingestDocument(dataDir: string, options: IngestOptions): Promise<IngestReport> {
  const { forbund, file } = options;
  const folder = path.join(dataDir, forbund);
  if (!existsSync(path.join(folder, 'forbund.json'))) {
    throw new IngestError(`Förbundet "${forbund}" finns inte i ${dataDir} (skapa det med npm run forbund:new -- ${forbund} "<namn>").`, 2);
  }
  if (!existsSync(file)) throw new IngestError(`Filen ${file} finns inte.`, 2);
  const ext = path.extname(file).toLowerCase();
  if (!(INGEST_EXTENSIONS as readonly string[]).includes(ext)) throw new IngestError(`Filtypen ${ext || '(ingen)'} kan inte läsas in; använd ${INGEST_EXTENSIONS.join(', ')}.`, 2);
  const doc = options.doc ?? docIdFor(file);
  if (!docIdSchema.safeParse(doc).success) throw new IngestError(`Ogiltigt dokument-id "${doc}" (ska sluta på .txt, t.ex. avtal-2027.txt).`, 2);
  if (options.date !== undefined && !isoDateSchema.safeParse(options.date).success) throw new IngestError(`Ogiltigt datum för --date: ${options.date} (väntade ÅÅÅÅ-MM-DD).`, 2);

  const documents = await readDocuments(dataDir);
  const known = documents.find((d) => d.doc === doc);
  if (known && !known.forbund.includes(forbund)) throw new IngestError(`${doc} hör redan till ${known.forbund.join(', ')}; ange ett annat id med --doc.`, 2);
  const title = options.title ?? known?.title;
  const date = options.date ?? known?.date;
  const kind = options.kind ?? known?.kind;
  if (!title || !date || !kind) throw new IngestError('Dokumentet behöver --title, --date och --kind.', 2);

  let extracted: string;
  try {
    extracted = await extractText(file);
  } catch (error) {
    throw new IngestError(`Kunde inte läsa texten i ${file}: ${(error as Error).message}`);
  }
  // A personnummer in a document is never saved: it is replaced before anything is written.
  const { text, count: personnummerRemoved } = redactPersonnummer(extracted);
  if (text.trim() === '') throw new IngestError(`${file} innehåller ingen text (en inskannad PDF utan textlager behöver OCR först).`);

  const sections = splitSections(text);
  const passages: Passage[] = [];
  const usedIds = new Set<string>();
  const stem = slugId(doc.replace(/\.txt$/, ''), 30);
  for (const s of sections) {
    const body = sectionText(s);
    if (body === '') continue;
    let id = `${stem}-${slugId(s.heading, 40)}`;
    for (let n = 2; usedIds.has(id); n += 1) id = `${stem}-${slugId(s.heading, 40)}-${n}`;
    usedIds.add(id);
    passages.push(passageSchema.parse({ id, title: s.heading, text: body, source: { doc, section: s.heading } }));
  }

  const pFile = passagesFile(dataDir, forbund, doc);
  const before = (await readJsonArray(pFile)) as Passage[];
  const oldBySection = new Map(before.map((p) => [p.source?.section ?? p.title, p.text]));
  const newBySection = new Map(passages.map((p) => [p.source.section, p.text]));
  const added = [...newBySection.keys()].filter((k) => !oldBySection.has(k));
  const removed = [...oldBySection.keys()].filter((k) => !newBySection.has(k));
  const changed = [...newBySection].filter(([k, t]) => oldBySection.has(k) && oldBySection.get(k) !== t).map(([k]) => k);

  const data = await loadData(dataDir).catch((error: unknown) => {
    if (error instanceof DataError) throw new IngestError(`data/ är inte giltig före inläsningen; rätta först:\n${error.message}`);
    throw error;
  });
  const organs = data.organs.filter((o) => o.forbund === forbund);
  const decided = new Set((await readReviewLog(dataDir, forbund)).map((e) => e.key));
  const all = findCandidates(doc, sections, { organs });
  const candidates = all.filter((c) => !decided.has(c.key));

  const info: DocumentInfo = { ...(known ?? {}), doc, title, date, kind, forbund: known?.forbund ?? [forbund] };
  const nextDocs = known ? documents.map((d) => (d.doc === doc ? info : d)) : [...documents, info];

  // Write, validate, and put everything back if data/ no longer validates.
  const textFile = sourceTextPath(dataDir, forbund, doc);
  const docsFile = path.join(dataDir, 'documents.json');
  const draftFile = draftFilePath(dataDir, forbund, doc);
  const backups = new Map<string, string | undefined>();
  for (const f of [textFile, docsFile, pFile, draftFile]) backups.set(f, existsSync(f) ? await readFile(f, 'utf8') : undefined);
  try {
    // In this order every step leaves data/ valid, so a server's hot reload never refuses a half-done ingest.
    await writeTextFile(textFile, text);
    await writeJsonFile(docsFile, nextDocs);
    await writeJsonFile(pFile, passages);
    await writeDraftFile(draftFile, { doc, ingestedAt: (options.now ?? new Date()).toISOString(), candidates });
    await loadData(dataDir);
  } catch (error) {
    for (const [f, content] of backups) {
      if (content === undefined) await rm(f, { force: true });
      else await writeTextFile(f, content);
    }
    const detail = error instanceof DataError ? error.message : (error as Error).message;
    throw new IngestError(`Inläsningen avbröts och inget ändrades: ${detail}`);
  }

  return {
    doc,
    replaced: before.length > 0 || known !== undefined,
    passages: passages.length,
    added,
    removed,
    changed,
    ocr: ocrFindings(sections),
    candidates,
    alreadyReviewed: all.length - candidates.length,
    personnummerRemoved,
    files: [textFile, pFile, draftFile, docsFile],
  };
}
