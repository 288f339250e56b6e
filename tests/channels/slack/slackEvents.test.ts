import type { ChatResponse } from '../../../src/channels/web/chatRoute.js';
import { slackRoutes } from '../../../src/channels/slack/routes.js';
import { createDeliveryRegistry, deliver } from '../../../src/delivery/types.js';
import { CHOICE_ACTION_PREFIX, CHOICES_BLOCK_ID, fallbackText } from '../../../src/channels/slack/renderBlocks.js';
import { createFakeCore } from '../../helpers/fakeCore.js';
import { FAKE_BOT, postSigned, slackSignature, startFakeSlackApi, type FakeSlackApi, type SlackCall } from '../../helpers/fakeSlackApi.js';
import { postJson, startTestApp, type TestApp } from '../../helpers/httpApp.js';

const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
/** The receiver's clock (Unix seconds); requests are signed with it unless a test says otherwise. */
const NOW_S = 1_795_000_000;

let fake: FakeSlackApi;
let t: TestApp;
const registry = createDeliveryRegistry();
let eventSeq = 0;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  t = await startTestApp({
    env: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: fake.apiUrl },
    // No bot ids given: the channel asks the fake's auth.test, once.
    routes: [slackRoutes({ processBeforeResponse: true, nowMs: () => NOW_S * 1000 })],
    delivery: registry,
  });
});
afterAll(async () => {
  await t?.stop();
  await fake?.close();
});

const eventsUrl = (): string => `${t.baseUrl}/slack/events`;

function signedJson(body: unknown, headers?: Record<string, string | undefined>, timestampSeconds = NOW_S) {
  return postSigned(eventsUrl(), JSON.stringify(body), { signingSecret: SECRET, timestampSeconds, headers });
}

function signedForm(fields: Record<string, string>) {
  return postSigned(eventsUrl(), new URLSearchParams(fields).toString(), {
    signingSecret: SECRET,
    timestampSeconds: NOW_S,
    contentType: 'application/x-www-form-urlencoded',
  });
}

interface EventInput {
  type?: 'message' | 'app_mention';
  channel: string;
  text: string;
  user?: string;
  ts?: string;
  threadTs?: string;
  channelType?: string;
  extra?: Record<string, unknown>;
  eventId?: string;
}

function eventCallback(e: EventInput): { body: Record<string, unknown>; ts: string } {
  eventSeq += 1;
  const ts = e.ts ?? `1794999000.${String(eventSeq).padStart(6, '0')}`;
  return {
    ts,
    body: {
      token: 'legacy',
      team_id: FAKE_BOT.teamId,
      api_app_id: 'A0000001',
      type: 'event_callback',
      event_id: e.eventId ?? `Ev${String(eventSeq).padStart(8, '0')}`,
      event_time: NOW_S,
      authorizations: [{ team_id: FAKE_BOT.teamId, user_id: FAKE_BOT.userId, is_bot: true }],
      event: {
        type: e.type ?? 'message',
        channel: e.channel,
        user: e.user ?? 'U0000USER',
        text: e.text,
        ts,
        event_ts: ts,
        ...(e.threadTs ? { thread_ts: e.threadTs } : {}),
        ...((e.type ?? 'message') === 'message' ? { channel_type: e.channelType ?? 'im' } : {}),
        ...e.extra,
      },
    },
  };
}

const postsTo = (channel: string): SlackCall[] => fake.callsOf('chat.postMessage').filter((c) => c.args.channel === channel);

/** What a Slack user reads: the fallback text with Slack's three escapes undone. */
const shown = (text: unknown): string => String(text).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

async function webAnswer(...texts: string[]): Promise<string> {
  let conversationId: string | undefined;
  let last: ChatResponse | undefined;
  for (const text of texts) {
    const res = await postJson(`${t.baseUrl}/chat`, { conversationId, text });
    last = res.json as ChatResponse;
    conversationId = last.conversationId;
  }
  // The web chat's replies as Slack's fallback text shapes them (headline first, sources grouped).
  return (last?.replies ?? []).map((reply) => shown(fallbackText(reply))).join('\n\n');
}

describe('POST /slack/events', () => {
  it('answers url_verification with the challenge', async () => {
    const res = await signedJson({ token: 'x', challenge: 'c3po-r2d2', type: 'url_verification' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ challenge: 'c3po-r2d2' });
  });

  it('a signed DM gets the same answer as the web chat, through the fake Web API', async () => {
    const question = 'Vad är Försäkringskassans organisationsnummer?';
    const { body } = eventCallback({ channel: 'D0000DM01', text: question });
    const res = await signedJson(body);
    expect(res.status).toBe(200);
    const posts = postsTo('D0000DM01');
    expect(posts.length).toBeGreaterThan(0);
    for (const p of posts) {
      expect(p.authorization).toBe('Bearer xoxb-test-token');
      expect(p.args.thread_ts).toBeUndefined();
      expect(Array.isArray(p.args.blocks)).toBe(true);
    }
    expect(posts.map((p) => shown(p.args.text)).join('\n\n')).toBe(await webAnswer(question));
    expect(fake.callsOf('auth.test')).toHaveLength(1);
  });

  it('a mention in a channel gets a threaded answer without the mention in the question', async () => {
    const { body, ts } = eventCallback({
      type: 'app_mention',
      channel: 'C0000CH01',
      text: `<@${FAKE_BOT.userId}> När är nästa styrelsemöte?`,
    });
    expect((await signedJson(body)).status).toBe(200);
    const posts = postsTo('C0000CH01');
    expect(posts.length).toBeGreaterThan(0);
    for (const p of posts) expect(p.args.thread_ts).toBe(ts);
    expect(posts.map((p) => shown(p.args.text)).join('\n\n')).toBe(await webAnswer('När är nästa styrelsemöte?'));
  });

  it('a mention inside a thread is answered in that thread', async () => {
    const { body } = eventCallback({ type: 'app_mention', channel: 'C0000CH02', text: `<@${FAKE_BOT.userId}> hjälp`, threadTs: '1794990000.000001' });
    expect((await signedJson(body)).status).toBe(200);
    const posts = postsTo('C0000CH02');
    expect(posts.length).toBeGreaterThan(0);
    for (const p of posts) expect(p.args.thread_ts).toBe('1794990000.000001');
  });

  it('the slash command answers the asker only, through the response_url', async () => {
    const before = fake.callsOf('chat.postMessage').length;
    const res = await signedForm({
      token: 'legacy',
      team_id: FAKE_BOT.teamId,
      channel_id: 'C0000CH03',
      user_id: 'U0000USER',
      command: '/samverkan',
      text: 'Vad åtar sig Arbetsförmedlingen i Vuxentorget?',
      response_url: fake.responseUrl('cmd-1'),
      trigger_id: '1.2.3',
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const responses = fake.callsOf('response_url').filter((c) => c.responseId === 'cmd-1');
    expect(responses.length).toBeGreaterThan(0);
    for (const r of responses) expect(r.args.response_type).toBe('ephemeral');
    expect(responses.map((r) => shown(r.args.text)).join('\n\n')).toBe(
      await webAnswer('Vad åtar sig Arbetsförmedlingen i Vuxentorget?'),
    );
    expect(fake.callsOf('chat.postMessage')).toHaveLength(before);
  });

  it('a button press continues the dialog: "hjälp" → choose a capability', async () => {
    const channel = 'D0000DM02';
    const { body } = eventCallback({ channel, text: 'hjälp' });
    await signedJson(body);
    const menu = postsTo(channel).find((p) => JSON.stringify(p.args.blocks).includes(CHOICE_ACTION_PREFIX));
    expect(menu).toBeDefined();
    const blocks = menu?.args.blocks as Array<{ type: string; block_id?: string; elements?: Array<{ action_id: string; value: string; text: { text: string } }> }>;
    const button = blocks.find((b) => b.block_id === CHOICES_BLOCK_ID)?.elements?.find((e) => e.value.startsWith('Åtaganden'));
    expect(button).toBeDefined();
    const menuTs = String(menu?.response?.ts);
    const postsBefore = postsTo(channel).length;

    const payload = {
      type: 'block_actions',
      team: { id: FAKE_BOT.teamId, domain: 'finsam' },
      user: { id: 'U0000USER', team_id: FAKE_BOT.teamId },
      api_app_id: 'A0000001',
      token: 'legacy',
      trigger_id: '4.5.6',
      channel: { id: channel, name: 'directmessage' },
      container: { type: 'message', message_ts: menuTs, channel_id: channel, is_ephemeral: false },
      message: { type: 'message', ts: menuTs, text: menu?.args.text, blocks, user: FAKE_BOT.userId, bot_id: FAKE_BOT.botId },
      response_url: fake.responseUrl('press-1'),
      actions: [
        { type: 'button', action_id: button?.action_id, block_id: CHOICES_BLOCK_ID, value: button?.value, text: { type: 'plain_text', text: button?.text.text }, action_ts: '1795000000.1' },
      ],
    };
    const res = await signedForm({ payload: JSON.stringify(payload) });
    expect(res.status).toBe(200);

    const after = postsTo(channel).slice(postsBefore);
    expect(after.length).toBeGreaterThan(0);
    expect(after.map((p) => shown(p.args.text)).join('\n\n')).toBe(await webAnswer('hjälp', button?.value ?? ''));
    // The pressed message lost its buttons and says what was chosen.
    const update = fake.callsOf('chat.update').find((c) => c.args.ts === menuTs);
    expect(JSON.stringify(update?.args.blocks)).not.toContain(CHOICE_ACTION_PREFIX);
    expect(JSON.stringify(update?.args.blocks)).toContain('valde');

    // A second press on the same message does nothing.
    const again = await signedForm({ payload: JSON.stringify({ ...payload, actions: [{ ...payload.actions[0], action_ts: '1795000000.2' }] }) });
    expect(again.status).toBe(200);
    expect(postsTo(channel).length).toBe(postsBefore + after.length);
  });

  it('a subscription made in a Slack thread names the Slack channel as its delivery target', async () => {
    const { body } = eventCallback({ type: 'app_mention', channel: 'C0000CH07', text: `<@${FAKE_BOT.userId}> Prenumerera på påminnelser för SSG` });
    expect((await signedJson(body)).status).toBe(200);
    expect(shown(postsTo('C0000CH07')[0]?.args.text)).toMatch(/^Klart/);
    const subscription = t.state.read().subscriptions.find((s) => s.target.kind === 'slack');
    expect(subscription?.target).toEqual({ kind: 'slack', channelId: 'C0000CH07', teamId: FAKE_BOT.teamId });
  });

  it("registers Slack in the app's delivery registry: a proactive post goes through the fake", async () => {
    expect(registry.kinds()).toEqual(expect.arrayContaining(['teams', 'slack']));
    const result = await deliver(registry, { kind: 'slack', channelId: 'C0000CH08' }, { text: 'Påminnelse: SSG i morgon.' }, { idempotencyKey: 'rem-1' });
    expect(result.status).toBe('sent');
    const [post] = postsTo('C0000CH08');
    expect(post?.args).toMatchObject({ text: 'Påminnelse: SSG i morgon.', metadata: { event_payload: { idempotency_key: 'rem-1' } } });
    expect(post?.authorization).toBe('Bearer xoxb-test-token');
  });

  it('refuses a bad signature, a stale or missing timestamp with 401 and posts nothing', async () => {
    const before = fake.calls.length;
    const { body } = eventCallback({ channel: 'D0000DM03', text: 'hjälp' });
    const json = JSON.stringify(body);
    const wrongSecret = await postSigned(eventsUrl(), json, { signingSecret: 'not-the-secret', timestampSeconds: NOW_S });
    const stale = await signedJson(body, undefined, NOW_S - 5 * 60 - 1);
    const noSignature = await signedJson(body, { 'X-Slack-Signature': undefined });
    const noTimestamp = await signedJson(body, { 'X-Slack-Request-Timestamp': undefined });
    // Signed over other bytes than those sent: the signature covers the raw body.
    const tampered = await postSigned(eventsUrl(), json, {
      signingSecret: SECRET,
      timestampSeconds: NOW_S,
      headers: { 'X-Slack-Signature': slackSignature(SECRET, NOW_S, json.replace('hjälp', 'hjälP')) },
    });
    for (const res of [wrongSecret, stale, noSignature, noTimestamp, tampered]) {
      expect(res.status).toBe(401);
      expect(JSON.parse(res.text)).toMatchObject({ code: 'invalid_signature' });
    }
    expect(fake.calls.length).toBe(before);
    expect(postsTo('D0000DM03')).toHaveLength(0);
    expect(t.logLines.filter((l) => l.includes('slack_signature_rejected')).length).toBeGreaterThanOrEqual(5);
  });

  it('answers ssl_check, refuses a signed body it cannot parse (400) and an oversized one (413)', async () => {
    expect((await signedForm({ ssl_check: '1', token: 'legacy' })).status).toBe(200);
    const garbage = await postSigned(eventsUrl(), '{"type": "event_callback", ', { signingSecret: SECRET, timestampSeconds: NOW_S });
    expect(garbage.status).toBe(400);
    expect(JSON.parse(garbage.text)).toMatchObject({ code: 'invalid_slack_body' });
    const huge = await postSigned(eventsUrl(), JSON.stringify({ type: 'event_callback', pad: 'x'.repeat(1024 * 1024) }), {
      signingSecret: SECRET,
      timestampSeconds: NOW_S,
    });
    expect(huge.status).toBe(413);
  });

  it('a retried event (X-Slack-Retry-Num, same event_id) gets one reply', async () => {
    const { body } = eventCallback({ channel: 'D0000DM04', text: 'hjälp', eventId: 'EvRETRY0001' });
    expect((await signedJson(body)).status).toBe(200);
    const first = postsTo('D0000DM04').length;
    expect(first).toBeGreaterThan(0);
    const retry = await signedJson(body, { 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' });
    expect(retry.status).toBe(200);
    const duplicate = await signedJson(body);
    expect(duplicate.status).toBe(200);
    expect(postsTo('D0000DM04').length).toBe(first);
  });

  it('ignores its own messages, other bots and edits', async () => {
    const cases = [
      eventCallback({ channel: 'D0000DM05', text: 'svar', user: FAKE_BOT.userId }),
      eventCallback({ channel: 'D0000DM05', text: 'svar', extra: { bot_id: 'BOTHER01', subtype: 'bot_message' } }),
      eventCallback({ channel: 'D0000DM05', text: 'hjälp', extra: { subtype: 'message_changed' } }),
      eventCallback({ channel: 'C0000CH05', text: 'hjälp', channelType: 'channel' }),
    ];
    for (const { body } of cases) expect((await signedJson(body)).status).toBe(200);
    expect(postsTo('D0000DM05')).toHaveLength(0);
    expect(postsTo('C0000CH05')).toHaveLength(0);
  });

  it('waits out a 429 from chat.postMessage (Retry-After) and sends once more', async () => {
    fake.script('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    const { body } = eventCallback({ channel: 'D0000DM06', text: 'Vad är Försäkringskassans organisationsnummer?' });
    expect((await signedJson(body)).status).toBe(200);
    const attempts = postsTo('D0000DM06');
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    const [limited, retried] = attempts;
    expect(retried?.args.text).toBe(limited?.args.text);
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });
});

describe('POST /slack/events in production mode (answer first, then work)', () => {
  it('acknowledges before a slow turn ends, posts the answer afterwards, and shutdown waits for it', async () => {
    const slowFake = await startFakeSlackApi();
    const slow = await startTestApp({
      env: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: slowFake.apiUrl },
      core: () => createFakeCore({ delayMs: 1500 }),
      routes: [slackRoutes({ botId: FAKE_BOT.botId, botUserId: FAKE_BOT.userId, nowMs: () => NOW_S * 1000 })],
    });
    try {
      const { body } = eventCallback({ channel: 'D0000SLOW1', text: 'hjälp' });
      const started = Date.now();
      const res = await postSigned(`${slow.baseUrl}/slack/events`, JSON.stringify(body), { signingSecret: SECRET, timestampSeconds: NOW_S });
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(slowFake.callsOf('chat.postMessage')).toHaveLength(0);
      // Graceful stop lets the turn finish and post.
      await slow.stop();
      const [post] = slowFake.callsOf('chat.postMessage');
      expect(post?.args.channel).toBe('D0000SLOW1');
      // The fake core answers with markup: every mrkdwn text reaches Slack escaped (plain_text is never parsed).
      const texts = JSON.stringify(post?.args.blocks).match(/"type":"(?:mrkdwn|plain_text)","text":"(?:[^"\\]|\\.)*"/g) ?? [];
      expect(texts.length).toBeGreaterThanOrEqual(3);
      for (const text of texts.filter((t) => t.includes('"mrkdwn"'))) expect(text).not.toMatch(/<script|<img/);
      expect(String(post?.args.text)).not.toMatch(/<script|<img/);
      expect(slowFake.callsOf('auth.test')).toHaveLength(0);
    } finally {
      await slow.stop();
      await slowFake.close();
    }
  });
});

describe('POST /slack/events without Slack configured', () => {
  it('is not installed', async () => {
    const plain = await startTestApp({ routes: [slackRoutes()] });
    try {
      const res = await postSigned(`${plain.baseUrl}/slack/events`, '{}', { signingSecret: SECRET, timestampSeconds: NOW_S });
      expect(res.status).toBe(404);
    } finally {
      await plain.stop();
    }
  });
});
