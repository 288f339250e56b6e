import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { crossCheck } from './crossCheck.js';
import {
  KIND_NAMES, KIND_SCHEMAS, documentsFileSchema, type DocumentInfo, type KindName, type Loaded,
} from './schema.js';

/** All curated data, validated: one array per kind, records tagged with their förbund folder. */
export type AgreementData = {
  /** Short content hash of data/, shown by /healthz and data:check. */
  version: string;
  documents: DocumentInfo[];
  /**
   * The deployment's default förbund when configured (DEFAULT_FORBUND); otherwise the förbund
   * marked `default` in data/ is (see src/domain/forbund.ts `defaultForbund`).
   */
  defaultForbund?: string;
} & { [K in KindName]: Loaded<K>[] };

/**
 * How the deployment reads data/: `defaultForbund` is DEFAULT_FORBUND from the configuration;
 * `configuredForbund` the förbund other settings name (FORBUND_CHANNELS), each of which must exist.
 */
export interface LoadOptions {
  defaultForbund?: string;
  configuredForbund?: readonly { setting: string; forbund: string }[];
}

/** A problem in data/: the file, the JSON path inside it and what is wrong. */
export class DataError extends Error {
  constructor(readonly problems: string[]) {
    super(`Fel i data/ (${problems.length}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'DataError';
  }
}

function jsonPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((acc, s) => (typeof s === 'number' ? `${acc}[${s}]` : `${acc}.${String(s)}`), '$');
}

function describeZodError(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${file}: ${jsonPath(issue.path)}: ${issue.message}`);
}

async function readJson(file: string, label: string, problems: string[]): Promise<{ text: string; value: unknown } | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    problems.push(`${label}: kan inte läsas (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return undefined;
  }
  try {
    return { text, value: JSON.parse(text) };
  } catch (error) {
    problems.push(`${label}: ogiltig JSON (${(error as Error).message})`);
    return undefined;
  }
}

function kindOfFile(name: string): KindName | undefined {
  const stem = name.split('.')[0] ?? '';
  return (KIND_NAMES as string[]).includes(stem) ? (stem as KindName) : undefined;
}

/**
 * Loads and validates all of data/: documents.json and one folder per förbund holding
 * `<kind>.json` or `<kind>.<part>.json` arrays. Every problem is collected (file, JSON path, message)
 * and thrown together as a DataError; cross-checks (references, sources, budget arithmetic) follow.
 */
export async function loadData(dir: string, options: LoadOptions = {}): Promise<AgreementData> {
  const problems: string[] = [];
  const hash = createHash('sha256');
  const label = (file: string) => path.relative(process.cwd(), file) || file;

  const data = { version: '', documents: [] } as unknown as AgreementData;
  for (const kind of KIND_NAMES) (data[kind] as unknown[]) = [];

  const docsFile = path.join(dir, 'documents.json');
  const docs = await readJson(docsFile, label(docsFile), problems);
  if (docs) {
    hash.update(docs.text);
    const parsed = documentsFileSchema.safeParse(docs.value);
    if (parsed.success) data.documents = parsed.data;
    else problems.push(...describeZodError(label(docsFile), parsed.error));
  }

  let entries: string[] = [];
  try {
    entries = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch (error) {
    throw new DataError([`${label(dir)}: mappen kan inte läsas (${(error as NodeJS.ErrnoException).code ?? String(error)})`]);
  }

  for (const forbund of entries) {
    const folder = path.join(dir, forbund);
    const files = (await readdir(folder)).filter((f) => f.endsWith('.json')).sort();
    for (const file of files) {
      const full = path.join(folder, file);
      const kind = kindOfFile(file);
      if (!kind) {
        problems.push(`${label(full)}: okänd filtyp "${file.split('.')[0]}" (kända: ${KIND_NAMES.join(', ')})`);
        continue;
      }
      const read = await readJson(full, label(full), problems);
      if (!read) continue;
      hash.update(`${forbund}/${file}\n${read.text}`);
      if (!Array.isArray(read.value)) {
        problems.push(`${label(full)}: $: filen ska innehålla en JSON-lista`);
        continue;
      }
      const schema = KIND_SCHEMAS[kind];
      read.value.forEach((item, index) => {
        const parsed = schema.safeParse(item);
        if (!parsed.success) {
          problems.push(...parsed.error.issues.map((issue) => `${label(full)}: ${jsonPath([index, ...issue.path])}: ${issue.message}`));
          return;
        }
        (data[kind] as unknown[]).push({ ...parsed.data, forbund, origin: { file: label(full), index } });
      });
    }
  }

  if (problems.length === 0) problems.push(...crossCheck(data));
  if (options.defaultForbund !== undefined) {
    if (problems.length === 0 && !data.forbund.some((f) => f.id === options.defaultForbund)) {
      problems.push(`DEFAULT_FORBUND=${options.defaultForbund}: förbundet finns inte i ${label(dir)} (kända: ${data.forbund.map((f) => f.id).join(', ')})`);
    }
    data.defaultForbund = options.defaultForbund;
  }
  for (const { setting, forbund } of options.configuredForbund ?? []) {
    if (problems.length === 0 && !data.forbund.some((f) => f.id === forbund)) {
      problems.push(`FORBUND_CHANNELS (${setting}): förbundet "${forbund}" finns inte i ${label(dir)} (kända: ${data.forbund.map((f) => f.id).join(', ')})`);
    }
  }
  if (problems.length > 0) throw new DataError(problems);

  data.version = hash.digest('hex').slice(0, 12);
  return data;
}
