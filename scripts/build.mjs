// `npm run build` (and `prepare`, run by `npm ci`/`npm install`): bundles the server (src/main.ts)
// with esbuild into dist/, which `npm start` runs (scripts/start.mjs). One bundle instead of
// ~1 700 modules resolved and compiled one by one is most of the start-up time saved (README, Prestanda).
// Plain JavaScript so it runs before anything is built.
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

// Packages the server loads with botbuilder but uses only on some requests: Microsoft's
// recognizers-text (≈ 5 MB; botbuilder-dialogs' number, date and confirm prompts and a choice
// answered by its ordinal, "den andra") and the Azure identity libraries (botframework-connector's
// token credentials, used only with MicrosoftAppId). In the bundle each is a stand-in whose first
// property access loads the real package from node_modules: run at start, about a fifth of
// start-up's CPU time (README, Prestanda); bundled, half the bundle's source held in memory.
// `Culture` (read at load by botbuilder-dialogs' prompt culture table) comes from the small base package.
export const LAZY_PACKAGES = [
  '@microsoft/recognizers-text-suite',
  '@microsoft/recognizers-text-date-time',
  '@microsoft/recognizers-text-number',
  '@microsoft/recognizers-text-choice',
  '@microsoft/recognizers-text-number-with-unit',
  '@microsoft/recognizers-text-sequence',
  '@azure/identity',
  '@azure/msal-node',
];
const REAL = '?lazy-real';
const lazyStub = (name) => `
let real;
const load = () => (real ??= require(${JSON.stringify(name + REAL)}));
const early = ${name.startsWith('@microsoft/recognizers-text-') ? "{ Culture: () => require('@microsoft/recognizers-text').Culture }" : '{}'};
module.exports = new Proxy({}, {
  get(_, key) {
    if (key === '__esModule') return true;
    if (Object.hasOwn(early, key) && real === undefined) return early[key]();
    return load()[key];
  },
  has: (_, key) => key === '__esModule' || key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor(_, key) {
    const d = Object.getOwnPropertyDescriptor(load(), key);
    return d && { ...d, configurable: true };
  },
});
`;
const lazyPackages = {
  name: 'lazy-packages',
  setup(build) {
    const names = new Set(LAZY_PACKAGES);
    build.onResolve({ filter: /^@(microsoft|azure)\// }, async (args) => {
      // The real package stays in node_modules, loaded by Node at the first use: bundled, its
      // source (5.7 MB, half the bundle) would be held in memory as part of the bundle's.
      if (args.path.endsWith(REAL)) return { path: args.path.slice(0, -REAL.length), external: true };
      if (!names.has(args.path) || args.pluginData?.real) return undefined;
      return { path: args.path, namespace: 'lazy-package', pluginData: { resolveDir: args.resolveDir } };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({
      contents: lazyStub(args.path),
      loader: 'js',
      resolveDir: args.pluginData.resolveDir,
      pluginData: args.pluginData,
    }));
  },
};

/**
 * V8 keeps a script's source in memory, at one byte a character only when every character is
 * Latin-1: one "…" in a bundled package's comment made the 11 MB bundle a 22 MB string, the
 * largest object of the server's heap (npm run bench). esbuild escapes other characters in
 * strings but leaves comments and some regular expressions as they are; there a \u escape of each
 * UTF-16 unit means the same. (A source map's columns after such a character on its line are off.)
 */
function latin1Only(file) {
  const text = readFileSync(file, 'utf8');
  if (!/[\u0100-\uffff]/.test(text)) return;
  writeFileSync(file, text.replace(/[\u0100-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/**
 * Bundles `entryPoints` with the packages into `outdir` as the server's bundle is built (the bench
 * builds its server child the same way, so what it measures is what `npm start` runs).
 */
export async function bundle(esbuild, entryPoints, outdir) {
  mkdirSync(outdir, { recursive: true });
  const result = await esbuild.build({
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
    plugins: [spdyStub, lazyPackages],
    logLevel: 'warning',
    metafile: true,
  });
  for (const file of Object.keys(result.metafile.outputs)) if (file.endsWith('.js')) latin1Only(path.join(ROOT, file));
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
