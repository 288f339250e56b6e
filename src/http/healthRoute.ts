import type restify from 'restify';

/** GET /healthz — liveness plus the version of the curated data the process serves right now. */
export function installHealthRoute(server: restify.Server, dataVersion: () => string): void {
  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    res.header('Cache-Control', 'no-store');
    res.json(200, { status: 'ok', dataVersion: dataVersion() });
  });
}
