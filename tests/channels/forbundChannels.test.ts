/**
 * Which förbund a conversation belongs to, end to end through the real app: a second förbund
 * configured for one Slack channel (FORBUND_CHANNELS) answers there while the bundled default
 * (Umeåregionen) answers in another channel; the same for a Teams team and the web chat's
 * ?forbund= (sent as "forbund" in POST /chat). Slack's Web API and the Bot Connector are fakes
 * on 127.0.0.1.
 */
import type { ChatResponse } from '../../src/channels/web/chatRoute.js';
import { slackRoutes } from '../../src/channels/slack/routes.js';
import { fallbackText } from '../../src/channels/slack/renderBlocks.js';
import type { AdaptiveCard } from '../../src/channels/teams/renderCard.js';
import { renderTexts } from '../../src/core/renderText.js';
import { FAKE_BOT, postSigned, startFakeSlackApi, type FakeSlackApi } from '../helpers/fakeSlackApi.js';
import { startFakeBotConnector, type FakeBotConnector } from '../helpers/fakeBotConnector.js';
import { guardOutboundConnections } from '../helpers/localBotFrameworkAuth.js';
import { postJson, startTestApp, type TestApp } from '../helpers/httpApp.js';
import { teamsMessage } from '../helpers/teamsActivity.js';

const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const NOW_S = 1_795_000_000;
const FINNVEDEN_CHANNEL = 'C0FINN0001';
const UMEA_CHANNEL = 'C0UMEA0001';
/** The team of a Teams channel message in tests/helpers/teamsActivity.ts. */
const TEAMS_TEAM = '19:team-1@thread.tacv2';

const QUESTION = 'Vilka är parterna?';
/** The bundled förbund's own parties and documents: what each förbund's answer must (not) hold. */
const FINNVEDEN = /Region Jönköpings län/;
const FINNVEDEN_SOURCE = /Uppdragsavtal Samverkansteam Finnveden/;
const UMEA = /Region Västerbotten/;

let fake: FakeSlackApi;
let connector: FakeBotConnector;
let t: TestApp;
const guard = guardOutboundConnections();
let seq = 0;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  connector = await startFakeBotConnector();
  t = await startTestApp({
    env: {
      SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: fake.apiUrl,
      EMULATOR_URL: connector.serviceUrl,
      FORBUND_CHANNELS: `slack:${FINNVEDEN_CHANNEL}=finnveden,teams:${TEAMS_TEAM}=finnveden`,
    },
    routes: [slackRoutes({ processBeforeResponse: true, nowMs: () => NOW_S * 1000 })],
  });
});
afterAll(async () => {
  await t?.stop();
  await fake?.close();
  await connector?.close();
  guard.restore();
  expect(guard.attempts).toEqual([]);
});

/** A signed @-mention in a Slack channel; returns the fallback texts the bot posted into its thread. */
async function slackAsk(channel: string, text: string): Promise<string> {
  seq += 1;
  const ts = `1794999000.${String(seq).padStart(6, '0')}`;
  const body = {
    token: 'legacy', team_id: FAKE_BOT.teamId, api_app_id: 'A0000001', type: 'event_callback',
    event_id: `EvF${String(seq).padStart(8, '0')}`, event_time: NOW_S,
    authorizations: [{ team_id: FAKE_BOT.teamId, user_id: FAKE_BOT.userId, is_bot: true }],
    event: { type: 'app_mention', channel, user: 'U0000USER', text: `<@${FAKE_BOT.userId}> ${text}`, ts, event_ts: ts },
  };
  const res = await postSigned(`${t.baseUrl}/slack/events`, JSON.stringify(body), { signingSecret: SECRET, timestampSeconds: NOW_S });
  expect(res.status).toBe(200);
  const posts = fake.callsOf('chat.postMessage').filter((c) => c.args.channel === channel && c.args.thread_ts === ts);
  expect(posts.length).toBeGreaterThan(0);
  return posts.map((p) => String(p.args.text)).join('\n\n');
}

async function webAsk(text: string, forbund?: string): Promise<{ status: number; json: unknown; text: string }> {
  const res = await postJson(`${t.baseUrl}/chat`, { text, ...(forbund === undefined ? {} : { forbund }) });
  const replies = res.status === 200 ? (res.json as ChatResponse).replies : [];
  return { ...res, text: renderTexts(replies) };
}

/** A Teams message (local mode); returns the cards' fallback text the bot sent to the connector. */
async function teamsAsk(scope: 'personal' | 'channel', text: string): Promise<string> {
  const before = connector.calls.length;
  const res = await postJson(`${t.baseUrl}/api/messages`, teamsMessage({ serviceUrl: connector.serviceUrl, scope, mention: scope === 'channel', text }));
  expect(res.status).toBe(200);
  await connector.waitForCalls(before + 1);
  return connector.calls.slice(before)
    .map((c) => (c.body as { attachments?: { content: AdaptiveCard }[] }).attachments?.[0]?.content.fallbackText ?? '')
    .join('\n\n');
}

describe('a conversation answers from its förbund (FORBUND_CHANNELS, ?forbund=)', () => {
  it('Slack: the channel configured for Finnveden answers from Finnveden, another channel from the default förbund', async () => {
    const finnveden = await slackAsk(FINNVEDEN_CHANNEL, QUESTION);
    expect(finnveden).toMatch(FINNVEDEN);
    expect(finnveden).toMatch(FINNVEDEN_SOURCE);
    expect(finnveden).not.toMatch(UMEA);

    const umea = await slackAsk(UMEA_CHANNEL, QUESTION);
    expect(umea).toMatch(UMEA);
    expect(umea).not.toMatch(FINNVEDEN);
    // The unconfigured channel answers exactly as the web chat does without a förbund (the default).
    const web = await postJson(`${t.baseUrl}/chat`, { text: QUESTION });
    expect(umea).toBe((web.json as ChatResponse).replies.map((r) => fallbackText(r)).join('\n\n'));
  });

  it("Slack: in Finnveden's channel a question that names the other förbund's verksamhet is answered from that förbund", async () => {
    const named = await slackAsk(FINNVEDEN_CHANNEL, 'Vilka är parterna i Vuxentorget?');
    expect(named).toMatch(UMEA);
    expect(named).not.toMatch(FINNVEDEN);
  });

  it('Teams: a channel of the team configured for Finnveden answers from Finnveden, a personal chat (tenant only) from the default', async () => {
    const inTeam = await teamsAsk('channel', QUESTION);
    expect(inTeam).toMatch(FINNVEDEN);
    expect(inTeam).toMatch(FINNVEDEN_SOURCE);
    expect(inTeam).not.toMatch(UMEA);

    const personal = await teamsAsk('personal', QUESTION);
    expect(personal).toMatch(UMEA);
    expect(personal).not.toMatch(FINNVEDEN);
  });

  it('web chat: "forbund" (the page\'s ?forbund=) answers from that förbund; without it, from the default', async () => {
    const finnveden = await webAsk(QUESTION, 'finnveden');
    expect(finnveden.status).toBe(200);
    expect(finnveden.text).toMatch(FINNVEDEN);
    expect(finnveden.text).toMatch(FINNVEDEN_SOURCE);
    expect(finnveden.text).not.toMatch(UMEA);

    const plain = await webAsk(QUESTION);
    expect(plain.text).toMatch(UMEA);
    expect(plain.text).not.toMatch(FINNVEDEN);
    // null is "no förbund", like an absent field.
    expect((await webAsk(QUESTION, null as unknown as string)).text).toBe(plain.text);
  });

  it('web chat: an unknown or malformed förbund is refused with a Swedish 400 naming the known ones', async () => {
    const unknown = await webAsk(QUESTION, 'okant');
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.json)).toMatch(/Förbundet \\"okant\\" \(adressens \?forbund=\) finns inte här. Kända förbund: finnveden, umearegionen/);
    const malformed = await webAsk(QUESTION, '<script>');
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.json)).toMatch(/Ogiltigt förbund/);
  });

  it('web chat page: sends the address\'s ?forbund= with each question', async () => {
    const page = await (await fetch(`${t.baseUrl}/?forbund=finnveden`)).text();
    expect(page).toMatch(/new window\.URLSearchParams\(window\.location\.search\)\.get\('forbund'\)/);
    expect(page).toMatch(/body\.forbund = FORBUND/);
  });
});
