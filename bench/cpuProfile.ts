import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Summary of a V8 `.cpuprofile` (`node --cpu-prof`): self time per package or file. A bundled
 * file (dist/) is read through its source map, so botbuilder inside the bundle is still botbuilder.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  /** A package (`botbuilder`, `@slack/bolt`), one of our files (`src/...`), `node:internal` or a V8 pseudo-frame (`(garbage collector)`). */
  where: string;
  ms: number;
  share: number;
}

/** Where a source file belongs: its package under node_modules, our path relative to `root`, or node's own modules. */
export function ownerOf(source: string, root: string): string {
  if (source === '') return '(V8/native)';
  // wasm:// is node's own cjs-module-lexer (it scans CommonJS modules for their exports).
  if (source.startsWith('node:') || source.startsWith('wasm://')) return 'node:internal';
  let file = source;
  if (source.startsWith('file://')) {
    try {
      file = fileURLToPath(source);
    } catch {
      file = source;
    }
  }
  // The last node_modules segment names the package that owns the code (nested copies included).
  const all = [...file.split(path.sep).join('/').matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
  const last = all[all.length - 1];
  if (last?.[1]) return last[1];
  return path.isAbsolute(file) ? path.relative(root, file) : file;
}

/** Self time (sample time spent in the frame itself) grouped by owner, largest first. */
export function summariseCpuProfile(profile: CpuProfile, root: string, top = 10): { totalMs: number; rows: SelfTime[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const maps = new Map<string, SourceMap | undefined>();
  const mapFor = (url: string): SourceMap | undefined => {
    if (maps.has(url)) return maps.get(url);
    let map: SourceMap | undefined;
    try {
      const file = fileURLToPath(url);
      if (existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]);
    } catch {
      map = undefined;
    }
    maps.set(url, map);
    return map;
  };
  const ownerCache = new Map<number, string>();
  const ownerOfNode = (node: ProfileNode): string => {
    const cached = ownerCache.get(node.id);
    if (cached !== undefined) return cached;
    const { url, functionName, lineNumber, columnNumber } = node.callFrame;
    let owner: string;
    if (url === '') owner = functionName.startsWith('(') ? functionName : '(V8/native)';
    else {
      const map = url.startsWith('file://') ? mapFor(url) : undefined;
      const entry = map?.findEntry(lineNumber, columnNumber) as { originalSource?: string } | undefined;
      const source = entry?.originalSource;
      owner = ownerOf(source ? path.resolve(path.dirname(fileURLToPath(url)), source.replace(/^file:\/\//, '')) : url, root);
    }
    ownerCache.set(node.id, owner);
    return owner;
  };
  const selfUs = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const delta = profile.timeDeltas[i] ?? 0;
    if (!node) return;
    const owner = ownerOfNode(node);
    if (owner === '(idle)') return;
    total += delta;
    selfUs.set(owner, (selfUs.get(owner) ?? 0) + delta);
  });
  const rows = [...selfUs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([where, us]) => ({ where, ms: us / 1000, share: total > 0 ? us / total : 0 }));
  return { totalMs: total / 1000, rows };
}
