import { readFileSync } from 'node:fs';

/**
 * Summary of a V8 heap snapshot (`v8.writeHeapSnapshot`) by constructor, as Chrome DevTools'
 * "Summary" view: count, shallow size and retained size per constructor. Retained sizes come from
 * the dominator tree (weak edges ignored); a constructor's retained size counts each object once
 * (objects retained by another object of the same constructor are not added again).
 */

interface SnapshotJson {
  snapshot: {
    meta: { node_fields: string[]; node_types: [string[], ...unknown[]]; edge_fields: string[]; edge_types: [string[], ...unknown[]] };
    node_count: number;
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export interface ConstructorRow {
  name: string;
  count: number;
  selfSize: number;
  retainedSize: number;
}

export interface HeapSummary {
  totalSize: number;
  nodeCount: number;
  rows: ConstructorRow[];
}

/** The group a node belongs to in the summary: the constructor for objects, `(type)` for the rest. */
function groupName(type: string, name: string): string {
  if (type === 'object' || type === 'native') return name === '' ? `(${type})` : name;
  if (type === 'closure') return '(closure)';
  if (type === 'string' || type === 'concatenated string' || type === 'sliced string') return '(string)';
  if (type === 'code') return '(compiled code)';
  if (type === 'hidden' || type === 'object shape') return '(system)';
  return `(${type})`;
}

export function summariseHeapSnapshot(file: string, top = 10): HeapSummary {
  const json = JSON.parse(readFileSync(file, 'utf8')) as SnapshotJson;
  const { meta } = json.snapshot;
  const nodeFields = meta.node_fields.length;
  const edgeFields = meta.edge_fields.length;
  const typeOffset = meta.node_fields.indexOf('type');
  const nameOffset = meta.node_fields.indexOf('name');
  const sizeOffset = meta.node_fields.indexOf('self_size');
  const edgeCountOffset = meta.node_fields.indexOf('edge_count');
  const edgeTypeOffset = meta.edge_fields.indexOf('type');
  const edgeToOffset = meta.edge_fields.indexOf('to_node');
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const weak = edgeTypes.indexOf('weak');
  const { nodes, edges, strings } = json;
  const n = nodes.length / nodeFields;

  // First edge of each node (edges are stored node after node).
  const firstEdge = new Uint32Array(n + 1);
  for (let i = 0, e = 0; i < n; i += 1) {
    firstEdge[i] = e;
    e += (nodes[i * nodeFields + edgeCountOffset] ?? 0) * edgeFields;
    firstEdge[i + 1] = e;
  }
  const target = (e: number): number => (edges[e + edgeToOffset] ?? 0) / nodeFields;
  const strong = (e: number): boolean => edges[e + edgeTypeOffset] !== weak;

  // Postorder of the nodes reachable from the root (node 0) over strong edges, iteratively.
  const post = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  const visited = new Uint8Array(n);
  const stackNode = new Int32Array(n);
  const stackEdge = new Uint32Array(n);
  let count = 0;
  let top0 = 0;
  stackNode[0] = 0;
  stackEdge[0] = firstEdge[0] ?? 0;
  visited[0] = 1;
  while (top0 >= 0) {
    const v = stackNode[top0] ?? 0;
    const e = stackEdge[top0] ?? 0;
    if (e < (firstEdge[v + 1] ?? 0)) {
      stackEdge[top0] = e + edgeFields;
      if (!strong(e)) continue;
      const w = target(e);
      if (!visited[w]) {
        visited[w] = 1;
        top0 += 1;
        stackNode[top0] = w;
        stackEdge[top0] = firstEdge[w] ?? 0;
      }
    } else {
      post[v] = count;
      order[count] = v;
      count += 1;
      top0 -= 1;
    }
  }

  // Predecessors (strong edges between reachable nodes), by postorder number, as CSR.
  const predCount = new Uint32Array(count + 1);
  for (let v = 0; v < n; v += 1) {
    if (post[v] === -1) continue;
    for (let e = firstEdge[v] ?? 0; e < (firstEdge[v + 1] ?? 0); e += edgeFields) {
      if (!strong(e)) continue;
      const w = post[target(e)] ?? -1;
      if (w >= 0) predCount[w + 1] = (predCount[w + 1] ?? 0) + 1;
    }
  }
  for (let i = 0; i < count; i += 1) predCount[i + 1] = (predCount[i + 1] ?? 0) + (predCount[i] ?? 0);
  const preds = new Int32Array(predCount[count] ?? 0);
  const fill = predCount.slice(0, count);
  for (let v = 0; v < n; v += 1) {
    const pv = post[v] ?? -1;
    if (pv === -1) continue;
    for (let e = firstEdge[v] ?? 0; e < (firstEdge[v + 1] ?? 0); e += edgeFields) {
      if (!strong(e)) continue;
      const w = post[target(e)] ?? -1;
      if (w >= 0) {
        preds[fill[w] ?? 0] = pv;
        fill[w] = (fill[w] ?? 0) + 1;
      }
    }
  }

  // Dominators (Cooper, Harvey & Kennedy), on postorder numbers: the root has the highest.
  const root = count - 1;
  const idom = new Int32Array(count).fill(-1);
  idom[root] = root;
  const intersect = (a: number, b: number): number => {
    let x = a;
    let y = b;
    while (x !== y) {
      while (x < y) x = idom[x] ?? root;
      while (y < x) y = idom[y] ?? root;
    }
    return x;
  };
  for (let changed = true, rounds = 0; changed && rounds < 50; rounds += 1) {
    changed = false;
    for (let b = root - 1; b >= 0; b -= 1) {
      let next = -1;
      for (let p = predCount[b] ?? 0; p < (predCount[b + 1] ?? 0); p += 1) {
        const q = preds[p] ?? -1;
        if ((idom[q] ?? -1) === -1) continue;
        next = next === -1 ? q : intersect(q, next);
      }
      if (next !== -1 && idom[b] !== next) {
        idom[b] = next;
        changed = true;
      }
    }
  }

  // Retained sizes: a node's idom finishes later in the DFS (higher number), so one ascending pass.
  const retained = new Float64Array(count);
  for (let b = 0; b < count; b += 1) retained[b] = nodes[(order[b] ?? 0) * nodeFields + sizeOffset] ?? 0;
  for (let b = 0; b < root; b += 1) {
    const d = idom[b] ?? root;
    if (d !== b) retained[d] = (retained[d] ?? 0) + (retained[b] ?? 0);
  }

  const groupOf = new Int32Array(count);
  const groups = new Map<string, number>();
  const rows: ConstructorRow[] = [];
  for (let b = 0; b < count; b += 1) {
    const v = order[b] ?? 0;
    const type = nodeTypes[nodes[v * nodeFields + typeOffset] ?? 0] ?? '';
    const name = groupName(type, strings[nodes[v * nodeFields + nameOffset] ?? 0] ?? '');
    let g = groups.get(name);
    if (g === undefined) {
      g = rows.length;
      groups.set(name, g);
      rows.push({ name, count: 0, selfSize: 0, retainedSize: 0 });
    }
    groupOf[b] = g;
    const row = rows[g];
    if (row) {
      row.count += 1;
      row.selfSize += nodes[v * nodeFields + sizeOffset] ?? 0;
    }
  }
  // A node adds its retained size to its group unless a dominator of it is of the same group.
  const counted = new Uint8Array(count);
  for (let b = root - 1; b >= 0; b -= 1) {
    const g = groupOf[b] ?? 0;
    let d = idom[b] ?? root;
    let covered = false;
    // Walk up at most a few levels; deep chains of one group (lists) are cut off by `counted`.
    for (let steps = 0; d !== root && steps < 64; steps += 1) {
      if (groupOf[d] === g && counted[d]) {
        covered = true;
        break;
      }
      d = idom[d] ?? root;
    }
    if (covered) continue;
    counted[b] = 1;
    const row = rows[g];
    if (row) row.retainedSize += retained[b] ?? 0;
  }
  const totalSize = retained[root] ?? 0;
  rows.sort((a, b) => b.retainedSize - a.retainedSize);
  return { totalSize, nodeCount: count, rows: rows.filter((r) => !r.name.startsWith('(GC roots') && r.name !== '(synthetic)').slice(0, top) };
}
