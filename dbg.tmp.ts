import { loadData } from './src/data/load.js';
import { extractFacts, lexiconFor } from './src/domain/aktualisering/extract.js';
import { detectIntent } from './src/domain/aktualisering/answer.js';
import { understand } from './src/understanding/understand.js';
const data = await loadData('/work/main/data') as any;
for (const t of process.argv.slice(2)) { const f = extractFacts(t, lexiconFor(data)); console.log(JSON.stringify(f), detectIntent(understand(data, t, new Date()), f, data)); }
