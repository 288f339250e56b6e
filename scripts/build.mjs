// `npm run build` (and `prepare`, run by `npm ci`/`npm install`): bundles the server (src/main.ts)
// with esbuild into dist/, which `npm start` runs (scripts/start.mjs). One bundle instead of
// ~1 700 modules resolved and compiled one by one is most of the start-up time saved (README, Prestanda).
// Plain JavaScript so it runs before anything is built.
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
/** Written last: dist/ is complete and built from sources no newer than this file. */
export const STAMP = path.join(DIST, '.built');
/** What the bundle is made of: a change to any of them makes dist/ stale. */
const INPUTS = ['src', 'dialogs', 'package.json', 'package-lock.json', 'scripts/build.mjs'];

/** Newest modification time (ms) among the files under `entry`. */
function newest(entry) {
  const full = path.join(ROOT, entry);
  let stat;
  try {
    stat = statSync(full);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of readdirSync(full, { recursive: true })) {
    try {
      latest = Math.max(latest, statSync(path.join(full, String(name))).mtimeMs);
    } catch {
      // Removed while we looked.
    }
  }
  return latest;
}

/** True when dist/ is missing or older than a source (a pull or an edit since the last build). */
export function isStale() {
  let built;
  try {
    built = statSync(STAMP).mtimeMs;
  } catch {
    return true;
  }
  return INPUTS.some((entry) => newest(entry) > built);
}

// restify requires spdy (HTTP/2) at load, whose http-deceiver calls process.binding('http_parser')
// and makes Node print DEP0111 at every start. We never create an HTTP/2 server: the bundle gets a
// stub that says so if anyone tries.
const spdyStub = {
  name: 'spdy-stub',
  setup(build) {
    build.onResolve({ filter: /^spdy$/ }, () => ({ path: 'spdy', namespace: 'spdy-stub' }));
    build.onLoad({ filter: /.*/, namespace: 'spdy-stub' }, () => ({
      contents: "module.exports = { createServer() { throw new Error('HTTP/2 (spdy) ingår inte i byggda dist/ – kör utan spdy-option.'); } };",
      loader: 'js',
    }));
  },
};

/**
 * Bundles `entryPoints` with the packages into `outdir` as the server's bundle is built (the bench
 * builds its server child the same way, so what it measures is what `npm start` runs).
 */
export async function bundle(esbuild, entryPoints, outdir) {
  mkdirSync(outdir, { recursive: true });
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir,
    // Dynamic imports (the Slack edge, the Bot Framework adapter) become chunks loaded only when used.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: true,
    // A native addon, an optional native probe and a large lazily loaded PDF reader stay in node_modules.
    external: ['fs-native-extensions', 'dtrace-provider', 'pdfjs-dist'],
    // Bundled CommonJS packages call require(); ESM output has none of its own.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    plugins: [spdyStub],
    logLevel: 'warning',
  });
  // The web chat's page, script and style are read from next to the module (src/channels/web/page.ts).
  cpSync(path.join(ROOT, 'src/channels/web/static'), path.join(outdir, 'static'), { recursive: true });
}

/** Builds dist/ (returns false, having said why, when esbuild is not installed: `npm ci --omit=dev`). */
export async function build({ quiet = false } = {}) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    process.stderr.write('dist/ byggs inte: esbuild saknas (installerat utan devDependencies); npm start kör källkoden med tsx.\n');
    return false;
  }
  const started = Date.now();
  rmSync(DIST, { recursive: true, force: true });
  await bundle(esbuild, ['src/main.ts'], DIST);
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  if (!quiet) process.stdout.write(`dist/ byggd på ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  build().then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`Bygget misslyckades: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
