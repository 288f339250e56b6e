import path from 'node:path';
import { DataError, loadData } from './load.js';
import { KIND_NAMES } from './schema.js';

/** `npm run data:check`: the same validation as start-up, then a summary of counts per kind and förbund. */
async function main(): Promise<void> {
  const dir = path.resolve(process.env.DATA_DIR ?? 'data');
  try {
    const data = await loadData(dir, { defaultForbund: process.env.DEFAULT_FORBUND || undefined });
    const forbund = [...new Set(KIND_NAMES.flatMap((k) => data[k].map((r) => r.forbund)))].sort();
    console.log(`data/ är giltig (version ${data.version}), ${data.documents.length} dokument.`);
    for (const f of forbund) {
      const counts = KIND_NAMES.map((k) => [k, data[k].filter((r) => r.forbund === f).length] as const).filter(([, n]) => n > 0);
      console.log(`${f}: ${counts.map(([k, n]) => `${k} ${n}`).join(', ')}`);
    }
  } catch (error) {
    if (error instanceof DataError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

await main();
