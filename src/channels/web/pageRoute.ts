import type restify from 'restify';
import { loadChatPage } from './page.js';

/** GET / — the web chat page (and an empty /favicon.ico). Built once here so a broken static file stops start-up, not a request. */
export function installPageRoute(server: restify.Server): void {
  const page = loadChatPage();
  server.get('/', async (_req: restify.Request, res: restify.Response) => {
    res.header('Content-Security-Policy', page.contentSecurityPolicy);
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'no-referrer');
    res.header('Cache-Control', 'no-cache');
    res.sendRaw(200, page.html, { 'Content-Type': 'text/html; charset=utf-8' });
  });
  // Browsers ask for it on every visit; "no icon" beats a 404 in the console and the log.
  server.get('/favicon.ico', async (_req: restify.Request, res: restify.Response) => {
    res.header('Cache-Control', 'max-age=86400');
    res.send(204);
  });
}
