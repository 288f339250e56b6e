/**
 * Replies put together from other replies (DESIGN.md, the reply shape): the parts of a composite
 * question as one answer-first reply, and an answer with the passages beside it as its last facts.
 */
import type { Reply } from '../../core/reply.js';
import { isSeeAlso, SEE_ALSO_LABEL } from '../answers/common.js';

/**
 * The answers to the parts of a composite question as one reply (answer first): every part's
 * answering line first, in the parts' order, so the first lines answer the whole question; then the
 * rest of each part's text and its facts, then all sources.
 */
export function combinedParts(parts: readonly Reply[]): Reply {
  const lines = parts.map((p) => p.text.split('\n').filter((l) => l.trim() !== ''));
  return {
    text: [...lines.map((l) => l[0] ?? ''), ...lines.flatMap((l) => l.slice(1))].join('\n'),
    facts: parts.flatMap((p) => p.facts ?? []),
    sources: parts.flatMap((p) => p.sources ?? []),
    status: parts.every((p) => p.status === 'not-stated') ? 'not-stated' : 'answered',
  };
}

/** An answer with the passages that hold the question's other words as its last facts ("Se även: …"). */
export function withSeeAlso(reply: Reply, passages: Reply): Reply {
  const own = new Set((reply.facts ?? []).map((f) => f.value));
  const extra = (passages.facts ?? []).filter((f) => !own.has(f.value)).map((f) => (isSeeAlso(f) ? f : { ...f, label: `${SEE_ALSO_LABEL}: ${f.label}` }));
  if (extra.length === 0) return reply;
  return { ...reply, facts: [...(reply.facts ?? []), ...extra], sources: [...(reply.sources ?? []), ...(passages.sources ?? [])] };
}
