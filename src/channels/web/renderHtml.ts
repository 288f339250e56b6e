import type { Reply } from '../../core/reply.js';
import { EXEMPELDATA_MARKER, sourceLine } from '../../core/renderText.js';

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

/**
 * Server-side HTML of one Reply for the web channel (the `html` field of POST /chat).
 * Structure and wording mirror the page's DOM renderer (static/chat.js) and the plain text
 * (renderText): text, facts as a list, choices as buttons carrying their value, sources under
 * the answer.
 */
export function renderReplyHtml(reply: Reply): string {
  const parts: string[] = [];
  if (reply.exempeldata) {
    parts.push(`<p class="exempeldata">${escapeHtml(EXEMPELDATA_MARKER)}</p>`);
  }
  parts.push(paragraphs(reply.text));
  if (reply.facts?.length) {
    const items = reply.facts.map(
      (fact) => `<li><span class="fact-label">${escapeHtml(fact.label)}:</span> ${escapeHtml(fact.value)}</li>`,
    );
    parts.push(`<ul class="facts">${items.join('')}</ul>`);
  }
  if (reply.choices?.length) {
    const buttons = reply.choices.map(
      (choice) =>
        `<button type="button" class="choice" data-value="${escapeHtml(choice.value ?? choice.label)}">${escapeHtml(choice.label)}</button>`,
    );
    parts.push(`<div class="choices">${buttons.join('')}</div>`);
  }
  if (reply.sources?.length) {
    const items = reply.sources.map((source) => `<li>${escapeHtml(sourceLine(source))}</li>`);
    parts.push(`<ul class="sources">${items.join('')}</ul>`);
  }
  return `<div class="reply">${parts.join('')}</div>`;
}
