// `npm start`: runs the bundled server in dist/, building it first when it is missing or older
// than the sources (a fresh clone whose install skipped `prepare`, a pull, an edit). Without
// esbuild (an install without devDependencies) it runs the TypeScript sources with tsx instead.
import { build, isStale } from './build.mjs';

if (isStale()) {
  process.stderr.write('Bygger dist/ (källorna är nyare än bygget) …\n');
  if (!(await build({ quiet: true }))) {
    const { register } = await import('tsx/esm/api');
    register();
    await import('../src/main.ts');
  } else {
    await import('../dist/main.js');
  }
} else {
  await import('../dist/main.js');
}
