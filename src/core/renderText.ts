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
