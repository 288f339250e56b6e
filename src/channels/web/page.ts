import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

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
