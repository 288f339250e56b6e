import type { Reply } from '../../core/reply.js';
import { EXEMPELDATA_MARKER } from '../../core/renderText.js';
import { groupLabel, groupSources, splitLines, VISIBLE_FACTS } from '../replyParts.js';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for use in HTML content and in quoted attribute values. Every string that
 * reaches the web channel (user text echoed back, dialog text, data) is untrusted here.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** Newlines in dialog text are meant as line breaks; the text itself stays escaped. */
function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((block) => `<p>${block.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');
}

/** One source document as the web chat lists it: label (short title and date) and its sections. */
export interface WebSourceGroup {
  label: string;
  sections: string[];
}

/** The reply's sources grouped per document, as POST /chat hands them to the page. */
export function webSourceGroups(reply: Reply): WebSourceGroup[] {
  return groupSources(reply.sources).map((g) => ({ label: groupLabel(g), sections: g.sections }));
}

function factItems(facts: NonNullable<Reply['facts']>): string {
  return facts.map((fact) => `<li><span class="fact-label">${escapeHtml(fact.label)}:</span> ${escapeHtml(fact.value)}</li>`).join('');
}

/** How many facts are shown before the rest goes behind "Visa mer" (one more shows, not hides). */
export function visibleFactCount(count: number): number {
  return count > VISIBLE_FACTS + 1 ? VISIBLE_FACTS : count;
}

/**
 * Server-side HTML of one Reply for the web channel (the `html` field of POST /chat). Structure
 * and wording mirror the page's DOM renderer (static/chat.js): answer first — the text's first
 * lines and facts, the rest in a "Visa mer" <details> — then the choices as buttons carrying
 * their value, then the sources, each document once, collapsed in a "Källor" <details>.
 */
export function renderReplyHtml(reply: Reply): string {
  const parts: string[] = [];
  if (reply.exempeldata) {
    parts.push(`<p class="exempeldata">${escapeHtml(EXEMPELDATA_MARKER)}</p>`);
  }
  const { shown, more } = splitLines(reply.text);
  parts.push(paragraphs(shown));
  const facts = reply.facts ?? [];
  const visible = visibleFactCount(facts.length);
  if (visible > 0) parts.push(`<ul class="facts">${factItems(facts.slice(0, visible))}</ul>`);
  if (more !== '' || visible < facts.length) {
    const hiddenFacts = visible < facts.length ? `<ul class="facts">${factItems(facts.slice(visible))}</ul>` : '';
    parts.push(`<details class="more"><summary>Visa mer</summary>${more !== '' ? paragraphs(more) : ''}${hiddenFacts}</details>`);
  }
  if (reply.choices?.length) {
    const buttons = reply.choices.map(
      (choice) =>
        `<button type="button" class="choice" data-value="${escapeHtml(choice.value ?? choice.label)}">${escapeHtml(choice.label)}</button>`,
    );
    parts.push(`<div class="choices">${buttons.join('')}</div>`);
  }
  const groups = webSourceGroups(reply);
  if (groups.length > 0) {
    const items = groups.map(
      (g) => `<li><span class="source-doc">${escapeHtml(g.label)}</span><ul>${g.sections.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul></li>`,
    );
    parts.push(`<details class="sources"><summary>${sourcesSummary(groups.length)}</summary><ul>${items.join('')}</ul></details>`);
  }
  return `<div class="reply">${parts.join('')}</div>`;
}

/** "Källa" for one document, "Källor (3)" for more — the same words as the Teams toggle. */
export function sourcesSummary(documents: number): string {
  return documents === 1 ? 'Källa' : `Källor (${documents})`;
}
