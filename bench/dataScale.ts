import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Replaces every string that is exactly `from` (a förbund id) anywhere in a JSON value. */
function renameId(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return value === from ? to : value;
  if (Array.isArray(value)) return value.map((v) => renameId(v, from, to));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameId(v, from, to)]));
  }
  return value;
}

/** A copy's förbund record: new id, and name and aliases marked with the copy number so they do not collide with the original's. */
function renameForbund(records: unknown, suffix: string): unknown {
  if (!Array.isArray(records)) return records;
  return records.map((r: unknown) => {
    if (r === null || typeof r !== 'object') return r;
    // A copy is never the deployment's default förbund (data/ allows one).
    const { default: _default, ...record } = r as { name?: unknown; aliases?: unknown; default?: unknown };
    return {
      ...record,
      ...(typeof record.name === 'string' ? { name: `${record.name} ${suffix}` } : {}),
      ...(Array.isArray(record.aliases) ? { aliases: record.aliases.map((a: unknown) => (typeof a === 'string' ? `${a} ${suffix}` : a)) } : {}),
    };
  });
}

/**
 * Writes data/ replicated to `total` förbund into `destDir`: the original folders as they are, plus
 * copies named `<förbund>-kNN` (the förbund id renamed everywhere inside, name and aliases marked),
 * round robin over the original förbund until there are `total` folders. documents.json is shared.
 * Returns the folder names.
 */
export async function replicateData(srcDir: string, destDir: string, total: number): Promise<string[]> {
  const originals = (await readdir(srcDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  if (originals.length === 0) throw new Error(`${srcDir}: inga förbundsmappar`);
  await mkdir(destDir, { recursive: true });
  await writeFile(path.join(destDir, 'documents.json'), await readFile(path.join(srcDir, 'documents.json')));

  const files = new Map<string, { name: string; value: unknown }[]>();
  for (const forbund of originals) {
    const names = (await readdir(path.join(srcDir, forbund))).filter((f) => f.endsWith('.json')).sort();
    files.set(
      forbund,
      await Promise.all(names.map(async (name) => ({ name, value: JSON.parse(await readFile(path.join(srcDir, forbund, name), 'utf8')) as unknown }))),
    );
  }

  const folders: string[] = [];
  for (let i = 0; i < Math.max(total, originals.length); i += 1) {
    const original = originals[i % originals.length] as string;
    const copy = Math.floor(i / originals.length);
    const suffix = `k${String(copy + 1).padStart(2, '0')}`;
    const folder = copy === 0 ? original : `${original}-${suffix}`;
    folders.push(folder);
    await mkdir(path.join(destDir, folder), { recursive: true });
    for (const { name, value } of files.get(original) ?? []) {
      let out = copy === 0 ? value : renameId(value, original, folder);
      if (copy > 0 && name.split('.')[0] === 'forbund') out = renameForbund(out, suffix);
      await writeFile(path.join(destDir, folder, name), JSON.stringify(out));
    }
  }
  return folders;
}
