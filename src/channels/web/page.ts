import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { capabilities } from '../../../dialogs/helpContent.js';
import { escapeHtml } from './renderHtml.js';

/** The web chat page, self-contained (inline CSS and JS, no CDN), with a CSP that allows exactly that. */
export interface ChatPage {
  html: string;
  /** Content-Security-Policy for the page: only our own inline script and style, fetch to ourselves. */
  contentSecurityPolicy: string;
}

const STATIC_DIR = new URL('./static/', import.meta.url);

function readStatic(name: string): string {
  return readFileSync(new URL(name, STATIC_DIR), 'utf8');
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Builds the page once at start. The script and style are inlined (one request, works offline
 * and behind strict proxies) and pinned by hash, so even if markup were ever injected into the
 * page, no injected script could run.
 */
export function loadChatPage(): ChatPage {
  const style = readStatic('chat.css');
  const script = readStatic('chat.js');
  if (script.includes('</script')) throw new Error('chat.js must not contain "</script"');
  const html = readStatic('index.html')
    .replace('{{style}}', () => style)
    .replace('{{greeting}}', () => greetingHtml())
    .replace('{{script}}', () => script);
  const contentSecurityPolicy = [
    "default-src 'none'",
    `script-src ${sha256(script)}`,
    `style-src ${sha256(style)}`,
    "connect-src 'self'",
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
  return { html, contentSecurityPolicy };
}

/**
 * The greeting's example questions: the first example of each thing the bot can do (the help's own
 * list), in its förbund-neutral wording — the page is built once, the data may be reloaded.
 */
export function greetingExamples(): string[] {
  return capabilities().map((c) => c.examples[0]).filter((e): e is string => e !== undefined).slice(0, 5);
}

/**
 * The bot's first bubble, in the page itself so it shows before any script runs: what the bot
 * does and example questions as buttons (chat.js sends a button's text as the question).
 */
function greetingHtml(): string {
  const buttons = greetingExamples().map((q) => `<button type="button" class="choice example" data-value="${escapeHtml(q)}">${escapeHtml(q)}</button>`);
  return [
    '<div class="msg bot greeting">',
    '<span class="who">Samverkansboten: </span>',
    '<p>Hej! Jag svarar på frågor om samverkansöverenskommelserna – aktualisering, åtaganden, kontakter, möten och siffror – och visar källan. Prova till exempel:</p>',
    `<div class="choices examples">${buttons.join('')}</div>`,
    '</div>',
  ].join('');
}
