import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { documentsFileSchema, type DocumentInfo } from '../data/schema.js';

/**
 * File helpers for the kansli's tools (forbund:new, data:ingest, data:review): they write data/
 * the way a person editing it would — 2-space JSON with a final newline — and atomically (a
 * temporary file renamed over the old one), so the server's hot reload never reads half a file.
 */

export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
  await rename(tmp, file);
}

export async function writeTextFile(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, file);
}

/** A JSON file that must hold an array (or not exist yet: `[]`); anything else is an error naming the file. */
export async function readJsonArray(file: string): Promise<unknown[]> {
  if (!existsSync(file)) return [];
  const text = await readFile(file, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: ogiltig JSON (${(error as Error).message}); filen lämnas orörd.`);
  }
  if (!Array.isArray(value)) throw new Error(`${file}: filen ska innehålla en JSON-lista; filen lämnas orörd.`);
  return value;
}

export async function readDocuments(dataDir: string): Promise<DocumentInfo[]> {
  const file = path.join(dataDir, 'documents.json');
  const parsed = documentsFileSchema.safeParse(await readJsonArray(file));
  if (!parsed.success) throw new Error(`${file}: följer inte schemat (${parsed.error.issues[0]?.message ?? ''}); kör npm run data:check.`);
  return parsed.data;
}

/** Where an ingested or registered document's text is kept: data/<förbund>/sources/<doc>. */
export function sourceTextPath(dataDir: string, forbund: string, doc: string): string {
  return path.join(dataDir, forbund, 'sources', doc);
}

/**
 * The text of a document listed in documents.json: an ingested one lies in
 * data/<förbund>/sources/, the bundled seeds in seeds/ beside data/ (the repository root).
 */
export function documentTextPath(dataDir: string, info: Pick<DocumentInfo, 'doc' | 'forbund'>, seedsDir = path.join(path.dirname(path.resolve(dataDir)), 'seeds')): string {
  for (const f of info.forbund) {
    const own = sourceTextPath(dataDir, f, info.doc);
    if (existsSync(own)) return own;
  }
  return path.join(seedsDir, info.doc);
}

/** Today in Stockholm as YYYY-MM-DD (the date a tool stamps on what it writes). */
export function todayIso(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
