import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { candidateSchema, type Candidate } from './candidates.js';
import { readJsonArray, writeJsonFile } from './dataFiles.js';

/**
 * data/<förbund>/drafts/: candidates waiting for review, one file per document, and the review log
 * (what was accepted or rejected, by key), so a re-ingest proposes neither again. The loader reads
 * only the JSON files directly in the förbund folder, so nothing here is ever served as a fact.
 */
export const draftFileSchema = z.object({
  doc: z.string(),
  ingestedAt: z.string(),
  candidates: z.array(candidateSchema),
});
export type DraftFile = z.infer<typeof draftFileSchema>;

export const reviewEntrySchema = z.object({
  key: z.string(),
  draftId: z.string(),
  kind: z.string(),
  decision: z.enum(['accepted', 'rejected']),
  at: z.string(),
  summary: z.string(),
  doc: z.string(),
  /** Where an accepted candidate went (file and record id). */
  into: z.string().optional(),
  reason: z.string().optional(),
});
export type ReviewEntry = z.infer<typeof reviewEntrySchema>;

export const REVIEW_LOG = 'granskning.json';

export function draftsDir(dataDir: string, forbund: string): string {
  return path.join(dataDir, forbund, 'drafts');
}

export function draftFilePath(dataDir: string, forbund: string, doc: string): string {
  return path.join(draftsDir(dataDir, forbund), `${doc.replace(/\.txt$/, '')}.json`);
}

export async function readReviewLog(dataDir: string, forbund: string): Promise<ReviewEntry[]> {
  const file = path.join(draftsDir(dataDir, forbund), REVIEW_LOG);
  const parsed = z.array(reviewEntrySchema).safeParse(await readJsonArray(file));
  if (!parsed.success) throw new Error(`${file}: följer inte schemat (${parsed.error.issues[0]?.message ?? ''}); filen lämnas orörd.`);
  return parsed.data;
}

export async function writeReviewLog(dataDir: string, forbund: string, entries: ReviewEntry[]): Promise<void> {
  await writeJsonFile(path.join(draftsDir(dataDir, forbund), REVIEW_LOG), entries);
}

/** Every draft file of a förbund (documents in file-name order). */
export async function readDraftFiles(dataDir: string, forbund: string): Promise<{ file: string; drafts: DraftFile }[]> {
  const dir = draftsDir(dataDir, forbund);
  if (!existsSync(dir)) return [];
  const out: { file: string; drafts: DraftFile }[] = [];
  for (const name of (await readdir(dir)).filter((f) => f.endsWith('.json') && f !== REVIEW_LOG).sort()) {
    const file = path.join(dir, name);
    let value: unknown;
    try {
      value = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new Error(`${file}: ogiltig JSON (${(error as Error).message}); filen lämnas orörd.`);
    }
    const parsed = draftFileSchema.safeParse(value);
    if (!parsed.success) throw new Error(`${file}: följer inte schemat (${parsed.error.issues[0]?.message ?? ''}); filen lämnas orörd.`);
    out.push({ file, drafts: parsed.data });
  }
  return out;
}

export async function writeDraftFile(file: string, drafts: DraftFile): Promise<void> {
  await writeJsonFile(file, drafts);
}

/** One line per candidate for the review list. */
export function describeCandidate(c: Candidate): string {
  switch (c.kind) {
    case 'orgNumber': return `organisationsnummer ${c.value}${c.name ? ` – ${c.name}` : ''}`;
    case 'party': return `part ${c.name} (${c.partyKind})${c.orgNumber ? `, org.nr ${c.orgNumber}` : ''}`;
    case 'contact': return `kontakt ${c.role}${c.phone ? `, ${c.phone}` : ''}${c.email ? `, ${c.email}` : ''}`;
    case 'meeting': return `${c.eventKind === 'deadline' ? 'deadline' : 'möte'} ${c.date}${c.organ ? ` (${c.organ.name})` : ''}: ${c.title}`;
    case 'table': return `tabell ${c.title} (${c.unit}): ${c.rows.length} rader × ${c.columns.join(', ')}`
      + `: ${c.rows.slice(0, 3).map((r) => `${r.label} ${r.values.map((v, i) => `${c.columns[i] ?? i}=${v}`).join(' ')}`).join('; ')}${c.rows.length > 3 ? ' …' : ''}`;
    default: return '';
  }
}
