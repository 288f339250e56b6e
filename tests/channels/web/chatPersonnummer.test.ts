import { readFileSync } from 'node:fs';
import type { ChatResponse } from '../../../src/channels/web/chatRoute.js';
import { PERSONNUMMER_WARNING } from '../../../src/core/redactMiddleware.js';
import { PNR_FORMS, leaksIn } from '../../helpers/personnummerForms.js';
import { postJson, startTestApp, type TestApp } from '../../helpers/httpApp.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.stop();
});

/** Issue 15, finding 5, over HTTP: POST /chat with each written form of a personnummer. */
describe('POST /chat with a personnummer', () => {
  it(`${PNR_FORMS.length} written forms: each answer warns, and the number is in no response, not in the state file and not in the log`, async () => {
    const bodies: string[] = [];
    const unwarned: string[] = [];
    for (const form of PNR_FORMS) {
      const res = await postJson(`${t.baseUrl}/chat`, { text: `Kan ${form.typed} aktualiseras till Vuxentorget?` });
      expect(res.status).toBe(200);
      const body = res.json as ChatResponse;
      if (body.replies[0]?.text !== PERSONNUMMER_WARNING) unwarned.push(form.name);
      bodies.push(JSON.stringify(body));
    }
    await t.core.flush();
    expect(unwarned).toEqual([]);
    // JSON.stringify keeps non-ASCII characters as they are, so the forms are searched as typed.
    expect(leaksIn(bodies.join('\n'), PNR_FORMS)).toEqual([]);
    expect(leaksIn(readFileSync(t.stateFile, 'utf8'), PNR_FORMS)).toEqual([]);
    expect(leaksIn(t.logLines.join('\n'), PNR_FORMS)).toEqual([]);
  });
});
