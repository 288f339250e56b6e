import { createHmac } from 'node:crypto';
import autocannon, { type RequestSpec } from 'autocannon';
import { BENCH_BOT } from './fakes.js';
import { BENCH_SIGNING_SECRET } from './servers.js';
import { TURN_MIX } from './turns.js';

/** The one-turn questions of the turn mix: what the HTTP runs ask, in turn. */
export const HTTP_QUESTIONS: readonly string[] = TURN_MIX.filter((s) => s.steps.length === 1).map((s) => s.steps[0]?.text ?? '');

/** Conversations the load spreads over (one per "user"), so state stays the size of a real team's. */
export const CONVERSATION_POOL = 200;

/** A counter shared by every connection (autocannon restarts a request list per connection). */
export function counter(): () => number {
  let n = 0;
  return () => {
    n += 1;
    return n;
  };
}

/** POST /chat: `{ conversationId, text }`, conversations from `conversationIds` in turn (none: new conversations). */
export function chatRequests(conversationIds: readonly string[]): RequestSpec[] {
  const next = counter();
  return [
    {
      method: 'POST',
      path: '/chat',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => {
        const n = next();
        const conversationId = conversationIds.length > 0 ? conversationIds[n % conversationIds.length] : undefined;
        return { ...request, body: JSON.stringify({ conversationId, text: HTTP_QUESTIONS[n % HTTP_QUESTIONS.length] }) };
      },
    },
  ];
}

/** POST /api/messages: unauthenticated Teams-like message activities whose serviceUrl is the fake connector. */
export function messagesRequests(serviceUrl: string): RequestSpec[] {
  const next = counter();
  return [
    {
      method: 'POST',
      path: '/api/messages',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => {
        const n = next();
        const user = n % CONVERSATION_POOL;
        const activity = {
          type: 'message',
          id: `bench-activity-${n}`,
          channelId: 'msteams',
          serviceUrl,
          timestamp: new Date().toISOString(),
          locale: 'sv-SE',
          conversation: { id: `bench-conversation-${user}`, conversationType: 'personal' },
          from: { id: `bench-user-${user}`, name: 'Bench' },
          recipient: { id: 'bench-bot', name: 'Samverkansboten' },
          text: HTTP_QUESTIONS[n % HTTP_QUESTIONS.length],
        };
        return { ...request, body: JSON.stringify(activity) };
      },
    },
  ];
}

/** A Slack Events API body for a DM, with its own event_id. */
export function slackEventBody(n: number, text: string): string {
  const user = n % CONVERSATION_POOL;
  const nowSec = Math.floor(Date.now() / 1000);
  return JSON.stringify({
    token: 'bench',
    team_id: BENCH_BOT.teamId,
    api_app_id: 'ABENCH',
    type: 'event_callback',
    event_id: `EvBENCH${n}`,
    event_time: nowSec,
    event: { type: 'message', channel_type: 'im', channel: `DBENCH${user}`, user: `UBENCH${user}`, text, ts: `${nowSec}.${String(n).padStart(6, '0')}` },
  });
}

/** Slack's signature headers for a body (HMAC-SHA256 of `v0:<ts>:<body>`). */
export function slackHeaders(body: string, secret = BENCH_SIGNING_SECRET): Record<string, string> {
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { 'content-type': 'application/json', 'x-slack-request-timestamp': ts, 'x-slack-signature': signature };
}

/** POST /slack/events: signed DM events, each with a distinct event_id from a counter shared by all connections. */
export function slackRequests(): RequestSpec[] {
  const next = counter();
  return [
    {
      method: 'POST',
      path: '/slack/events',
      setupRequest: (request) => {
        const n = next();
        const body = slackEventBody(n, HTTP_QUESTIONS[n % HTTP_QUESTIONS.length] ?? 'hjälp');
        return { ...request, headers: slackHeaders(body), body };
      },
    },
  ];
}

export interface LoadResult {
  /** Mean requests per second over the measured run. */
  rps: number;
  p50: number;
  p99: number;
  max: number;
  total: number;
  /** Non-2xx answers, connection errors and timeouts: a broken endpoint shows here, not as speed. */
  failed: number;
}

/**
 * autocannon against `baseUrl`: a warm-up run, then the measured one (the last result is the one
 * reported). Traffic goes only to the given loopback URL.
 */
export async function runLoad(
  baseUrl: string,
  requests: () => RequestSpec[],
  options: { connections?: number; seconds?: number; warmupSeconds?: number; amount?: number } = {},
): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(baseUrl)) throw new Error(`bench: bara 127.0.0.1, inte ${baseUrl}`);
  const connections = options.connections ?? 10;
  if ((options.warmupSeconds ?? 1) > 0) {
    await autocannon({ url: baseUrl, connections, duration: options.warmupSeconds ?? 1, requests: requests(), timeout: 10 });
  }
  const result = await autocannon({ url: baseUrl, connections, duration: options.seconds ?? 4, amount: options.amount, requests: requests(), timeout: 10 });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    total: result['2xx'] + result.non2xx,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

/** Opens `count` web conversations (one "hjälp" each) and returns their ids, for {@link chatRequests}. */
export async function openChatConversations(baseUrl: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const res = await fetch(`${baseUrl}/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'hjälp' }) });
    const body = (await res.json()) as { conversationId?: string };
    if (!res.ok || !body.conversationId) throw new Error(`/chat svarade ${res.status}`);
    ids.push(body.conversationId);
  }
  return ids;
}
