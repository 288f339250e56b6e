import { compositeParts } from './src/understanding/parts.js';
for (const t of process.argv.slice(2)) console.log(JSON.stringify(compositeParts(t)));
