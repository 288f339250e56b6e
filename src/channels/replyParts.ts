import type { SourceRef } from '../core/reply.js';

/**
 * Pieces every channel renderer shapes a Reply with, so web, Teams and Slack say the same thing
 * first and list sources the same way (issue 14: answer first, details on demand).
 */

// Abbreviations whose full stop ends no sentence ("t.ex. Vuxentorget", "kl. 9").
const ABBREVIATION = /(?:^|[\s(])(?:t\.ex|bl\.a|d\.v\.s|dvs|ca|kl|nr|s\.k|m\.m|o\.s\.v|osv|resp|jfr|enl|inkl|exkl|st|tel)\.$/i;

/**
 * The reply's headline: the first sentence of its first line — what a notification, a card
 * summary and the top of a message show. A line without a sentence end is taken whole.
 */
export function headline(text: string): string {
  const first = text.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
  const end = /[.!?](?=\s+["”(]?[A-ZÅÄÖ0-9])/g;
  for (let m = end.exec(first); m; m = end.exec(first)) {
    const sentence = first.slice(0, m.index + 1);
    if (!ABBREVIATION.test(sentence)) return sentence;
  }
  return first;
}

/** One document of a reply's sources: named once, its sections under it. */
export interface SourceGroup {
  /** The document's title as data/ gives it (or the file name when it has none). */
  title: string;
  /** A short form of the title for a compact source list. */
  shortTitle: string;
  /** ISO date of the document, when known. */
  date?: string;
  sections: string[];
}

/** Longest short title; longer ones are cut at a clause or word boundary. */
export const SHORT_TITLE_MAX = 60;

/**
 * A short form of a document title: the part before a colon, then cut at the last clause (", ")
 * or word before {@link SHORT_TITLE_MAX}. Titles are data, so this is a rule, not a list of names.
 */
export function shortTitle(title: string): string {
  let t = title.trim();
  const colon = t.indexOf(': ');
  if (colon > 10) t = t.slice(0, colon);
  if (t.length <= SHORT_TITLE_MAX) return t;
  const window = t.slice(0, SHORT_TITLE_MAX);
  const clause = window.lastIndexOf(', ');
  if (clause > SHORT_TITLE_MAX / 2) return window.slice(0, clause);
  const word = window.lastIndexOf(' ');
  return `${window.slice(0, word > SHORT_TITLE_MAX / 2 ? word : SHORT_TITLE_MAX - 1)}…`;
}

/** Sources grouped per document, in the order the reply lists them (builders order them newest first). */
export function groupSources(sources: readonly SourceRef[] | undefined): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const s of sources ?? []) {
    const title = s.title ?? s.doc;
    let group = groups.get(s.doc);
    if (!group) {
      group = { title, shortTitle: shortTitle(title), ...(s.date ? { date: s.date } : {}), sections: [] };
      groups.set(s.doc, group);
    }
    if (!group.sections.includes(s.section)) group.sections.push(s.section);
  }
  return [...groups.values()];
}

/** "Överenskommelse 2023 (2022-11-25)": the short title with the date, how a document is named in a list. */
export function groupLabel(group: SourceGroup): string {
  if (!group.date) return group.shortTitle;
  // "Överenskommelse X (2020)" with date 2020-01-24: the date replaces the year, not repeats it.
  const year = ` (${group.date.slice(0, 4)})`;
  const title = group.shortTitle.endsWith(year) ? group.shortTitle.slice(0, -year.length) : group.shortTitle;
  return `${title} (${group.date})`;
}

/** How many lines of text and facts a reply shows before the rest goes behind "Visa mer". */
export const VISIBLE_LINES = 6;
export const VISIBLE_FACTS = 5;

/** The reply text's lines split into what is shown at once and what waits behind "Visa mer". */
export function splitLines(text: string, visible = VISIBLE_LINES): { shown: string; more: string } {
  const lines = text.trim().split('\n');
  let count = 0;
  let cut = lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trim() !== '') count++;
    if (count > visible) {
      cut = i;
      break;
    }
  }
  const more = lines.slice(cut).join('\n').trim();
  // One hidden line costs as much room as its "Visa mer" button: show it.
  if (more.split('\n').filter((l) => l.trim() !== '').length <= 1) return { shown: text.trim(), more: '' };
  return { shown: lines.slice(0, cut).join('\n').trimEnd(), more };
}
