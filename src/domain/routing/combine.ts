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
  const firsts = lines.map((l) => l[0] ?? '');
  const heads = firsts.map(sentenceOf);
  // Short answering lines are one opening paragraph ("SSG: 2023-10-13. Styrelsen: 2023-10-20."): the first line answers every
  // part – unless a part opens with a header ("Budget 2023–2025 (tkr):"), whose answer is the lines under it.
  const joinable = heads.join(' ').length <= ONE_LINE && !firsts.some((f) => f.trimEnd().endsWith(':'));
  const opening = joinable ? [heads.join(' ')] : firsts;
  return {
    text: [...opening, ...lines.flatMap((l) => l.slice(1))].join('\n'),
    facts: parts.flatMap((p) => p.facts ?? []),
    sources: parts.flatMap((p) => p.sources ?? []),
    status: parts.every((p) => p.status === 'not-stated') ? 'not-stated' : 'answered',
  };
}

/** Longest opening line made of a composite question's answering lines. */
const ONE_LINE = 420;

/** A line as a sentence of a paragraph: ending in a full stop. */
function sentenceOf(line: string): string {
  const l = line.trim();
  return /[.!?…]$/u.test(l) ? l : `${l}.`;
}

/** An answer with the passages that hold the question's other words as its last facts ("Se även: …"). */
export function withSeeAlso(reply: Reply, passages: Reply): Reply {
  const own = new Set((reply.facts ?? []).map((f) => f.value));
  const extra = (passages.facts ?? []).filter((f) => !own.has(f.value)).map((f) => (isSeeAlso(f) ? f : { ...f, label: `${SEE_ALSO_LABEL}: ${f.label}` }));
  if (extra.length === 0) return reply;
  return { ...reply, facts: [...(reply.facts ?? []), ...extra], sources: [...(reply.sources ?? []), ...(passages.sources ?? [])] };
}
