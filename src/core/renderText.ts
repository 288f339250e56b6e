import { groupLabel, groupSources } from '../channels/replyParts.js';
import type { Reply, SourceRef } from './reply.js';

export const EXEMPELDATA_MARKER = '[Exempeldata – siffrorna är påhittade och visar bara hur svaret ser ut.]';

/** "Källa: <title or doc>, <section>" — how a source reads in plain text. */
export function sourceLine(source: SourceRef): string {
  return `Källa: ${source.title ?? source.doc}, ${source.section}`;
}

/**
 * The plain-text rendering of a reply (CLI, the activity's `text` for channels that show no
 * cards): exempeldata marker, text, facts as bullets, sources, then numbered choices so the
 * user can answer with a number.
 */
export function renderText(reply: Reply): string {
  const blocks: string[] = [];
  if (reply.exempeldata) blocks.push(EXEMPELDATA_MARKER);
  if (reply.text.trim() !== '') blocks.push(reply.text.trim());
  if (reply.facts && reply.facts.length > 0) {
    blocks.push(reply.facts.map((f) => `• ${f.label}: ${f.value}`).join('\n'));
  }
  if (reply.sources && reply.sources.length > 0) {
    blocks.push([...new Set(reply.sources.map(sourceLine))].join('\n'));
  }
  if (reply.choices && reply.choices.length > 0) {
    blocks.push(reply.choices.map((c, i) => `${i + 1}) ${c.label}`).join('\n'));
  }
  return blocks.join('\n\n');
}

/** Several replies of one turn as one text, separated by a blank line. */
export function renderTexts(replies: readonly Reply[]): string {
  return replies.map(renderText).join('\n\n');
}

/** How many body lines (the headline included) the shaped rendering shows before "Visa mer". */
export const SHAPED_BODY_LINES = 5;

/** A reply as a reader sees it at first, and what waits behind "Visa mer". */
export interface ShapedText {
  /** Exempeldata marker, headline and the first lines, the sources (one line per document) and the choices. */
  shown: string;
  /** The text lines and facts past the first {@link SHAPED_BODY_LINES}; empty when nothing is hidden. */
  more: string;
}

/** Sections named per document in the shaped source line; the rest are counted. */
const MAX_SECTIONS = 3;

/** "Källa: Överenskommelse 2023 (2022-11-25) – 5. Mötesplan; Bilaga 4": one line per document, short title. */
function groupedSourceLines(sources: readonly SourceRef[]): string[] {
  return groupSources(sources).map((g) => {
    const sections = g.sections.length > MAX_SECTIONS ? [...g.sections.slice(0, MAX_SECTIONS), `${g.sections.length - MAX_SECTIONS} till`] : g.sections;
    return `Källa: ${groupLabel(g)} – ${sections.join('; ')}`;
  });
}

/** Longest joined source line: more documents than fit are listed one per line. */
const SOURCES_LINE = 240;

/** The grouped sources on one line ("Källa: A – §1 · B – §2") when they fit, else one line per document. */
function sourcesBlock(lines: readonly string[]): string {
  const joined = `Källa: ${lines.map((l) => l.replace(/^Källa: /u, '')).join(' · ')}`;
  return lines.length > 1 && joined.length <= SOURCES_LINE ? joined : lines.join('\n');
}

/**
 * The reply shape of the terminal (issue 14): the headline and at most {@link SHAPED_BODY_LINES}
 * body lines, the rest behind "Visa mer", then the sources grouped per document, then the choices
 * on one line. Nothing is dropped: what is not shown is in `more`.
 */
export function renderShaped(reply: Reply): ShapedText {
  const body = [
    ...reply.text.trim().split('\n').filter((l) => l.trim() !== ''),
    ...(reply.facts ?? []).map((f) => `• ${f.label}: ${f.value}`),
  ];
  // Prompts and help texts (no status, no sources) are menus: shown whole. One hidden line costs as much room as its "Visa mer".
  const answer = reply.status !== undefined || (reply.sources?.length ?? 0) > 0;
  const cut = !answer || body.length <= SHAPED_BODY_LINES + 1 ? body.length : SHAPED_BODY_LINES;
  const shownBody = body.slice(0, cut);
  let hidden = body.slice(cut);
  // A step that asks something keeps its question in sight.
  const question = [...hidden].reverse().find((l) => /\?(?:\s|$)/.test(l) && !l.startsWith('• '));
  if ((reply.status === 'needs-input' || (reply.choices?.length ?? 0) > 0) && question !== undefined) {
    shownBody.push(question);
    hidden = hidden.filter((l) => l !== question);
  }
  const blocks: string[] = [];
  if (reply.exempeldata) blocks.push(EXEMPELDATA_MARKER);
  if (shownBody.length > 0) blocks.push(shownBody.join('\n'));
  if (reply.sources && reply.sources.length > 0) blocks.push(sourcesBlock(groupedSourceLines(reply.sources)));
  if (reply.choices && reply.choices.length > 0) blocks.push(reply.choices.map((c, i) => `${i + 1}) ${c.label}`).join('   '));
  return { shown: blocks.join('\n\n'), more: hidden.join('\n') };
}

/** Several replies of one turn shaped: their shown parts one after another, their hidden parts likewise. */
export function renderShapedAll(replies: readonly Reply[]): ShapedText {
  const parts = replies.map(renderShaped);
  return { shown: parts.map((p) => p.shown).join('\n\n'), more: parts.map((p) => p.more).filter((m) => m !== '').join('\n\n') };
}
