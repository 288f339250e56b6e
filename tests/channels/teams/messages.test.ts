import { ADAPTIVE_CARD_CONTENT_TYPE, cardChoices, type AdaptiveCard, type CardElement } from '../../../src/channels/teams/renderCard.js';
import { REPLY_CHANNEL_DATA_KEY } from '../../../src/core/reply.js';
import { guardOutboundConnections } from '../../helpers/localBotFrameworkAuth.js';
import { startFakeBotConnector, type ConnectorCall, type FakeBotConnector } from '../../helpers/fakeBotConnector.js';
import { postJson, startTestApp, type TestApp } from '../../helpers/httpApp.js';
import { teamsBotAdded, teamsInstallationUpdate, teamsMemberAdded, teamsMessage, type TeamsActivityOptions } from '../../helpers/teamsActivity.js';

let t: TestApp;
let connector: FakeBotConnector;
const guard = guardOutboundConnections();
beforeAll(async () => {
  connector = await startFakeBotConnector();
  t = await startTestApp({ env: { EMULATOR_URL: connector.serviceUrl } });
});
afterAll(async () => {
  await t.stop();
  await connector.close();
  guard.restore();
  // Everything the bot sent went to the fake connector on 127.0.0.1.
  expect(guard.attempts).toEqual([]);
});

interface SentActivity {
  type: string;
  text?: string;
  summary?: string;
  replyToId?: string;
  channelData?: Record<string, unknown>;
  attachments?: { contentType: string; content: AdaptiveCard }[];
}

/** Posts an activity and returns what the bot sent to the connector for it (waits for `count` calls). */
async function turn(activity: Record<string, unknown>, count = 1): Promise<ConnectorCall[]> {
  const before = connector.calls.length;
  const res = await postJson(`${t.baseUrl}/api/messages`, activity);
  expect(res.status).toBe(200);
  if (count === 0) return [];
  await connector.waitForCalls(before + count);
  return connector.calls.slice(before);
}

function cardOf(call: ConnectorCall | undefined): AdaptiveCard {
  const sent = call?.body as SentActivity;
  expect(sent.attachments).toHaveLength(1);
  expect(sent.attachments?.[0]?.contentType).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
  return sent.attachments?.[0]?.content as AdaptiveCard;
}

function allText(elements: readonly CardElement[]): string {
  return elements
    .map((e) => {
      if (e.type === 'TextBlock') return e.text;
      if (e.type === 'FactSet') return e.facts.map((f) => `${f.title}: ${f.value}`).join('\n');
      if (e.type === 'Container') return allText(e.items);
      return '';
    })
    .join('\n');
}

const opts = (o: Omit<TeamsActivityOptions, 'serviceUrl'>): TeamsActivityOptions => ({ serviceUrl: connector.serviceUrl, ...o });

describe('Teams via /api/messages (local mode, fake Bot Connector)', () => {
  it('answers a personal message with an Adaptive Card: FactSet for facts, sources in the footer, plain text as fallback', async () => {
    const activity = teamsMessage(opts({ scope: 'personal', text: 'Budget Vuxentorget 2024' }));
    const [call] = await turn(activity);
    expect(call?.path).toBe(`/v3/conversations/${encodeURIComponent('a:personal-conversation-1')}/activities/${String(activity.id)}`);
    const sent = call?.body as SentActivity;
    expect(sent.type).toBe('message');
    expect(sent.replyToId).toBe(activity.id);
    // Teams would show `text` above the card: the fallback travels as summary and fallbackText instead.
    expect(sent.text).toBeUndefined();
    expect(sent.summary).toMatch(/Vuxentorget/);
    expect(sent.channelData?.[REPLY_CHANNEL_DATA_KEY]).toBeUndefined();

    const card = cardOf(call);
    expect(card.version).toBe('1.5');
    expect(card.fallbackText).toContain(sent.summary);
    expect(card.fallbackText).toMatch(/Källa: /);
    const factSet = card.body.find((e) => e.type === 'FactSet');
    expect(factSet?.type === 'FactSet' && factSet.facts.some((f) => f.title === 'Vuxentorget' && /2 ?000/.test(f.value))).toBe(true);
    const footer = card.body[card.body.length - 1];
    expect(footer?.type).toBe('Container');
    if (footer?.type === 'Container') {
      expect(allText(footer.items)).toMatch(/\(\d{4}-\d{2}-\d{2}\)\n– Bilaga 6/);
      expect(footer.items.every((i) => i.type === 'TextBlock' && i.size === 'Small')).toBe(true);
    }
  });

  it('answers a channel @-mention in the same thread, with the mention removed before understanding', async () => {
    const activity = teamsMessage(opts({ scope: 'channel', mention: true, text: 'vem ska förankra innan aktualisering från Försäkringskassan vid sjukpenning?' }));
    const [call] = await turn(activity);
    // The reply goes to the thread: the conversation id with ;messageid=…, replying to the message.
    expect(decodeURIComponent(call?.path ?? '')).toBe(`/v3/conversations/19:kanal-ssg@thread.tacv2;messageid=1700000000000/activities/${String(activity.id)}`);
    const sent = call?.body as SentActivity & { conversation?: { id: string } };
    expect(sent.replyToId).toBe(activity.id);
    expect(sent.conversation?.id).toBe('19:kanal-ssg@thread.tacv2;messageid=1700000000000');
    const text = allText(cardOf(call).body);
    expect(text).toMatch(/Arbetsförmedlingen/);
    expect(text).toMatch(/Förankring/i);
    expect(text).not.toMatch(/<at>|Samverkansboten<\/at>/);
  });

  it('understands a group-chat mention the same way', async () => {
    const [call] = await turn(teamsMessage(opts({ scope: 'groupChat', mention: true, text: 'hjälp' })));
    expect(decodeURIComponent(call?.path ?? '')).toMatch(/^\/v3\/conversations\/19:group-chat-1@thread\.v2\/activities\//);
    expect(allText(cardOf(call).body)).toMatch(/Jag kan|aktualisering/i);
  });

  it('continues a dialog when a card button is pressed (activity.value.samverkansChoice, no text)', async () => {
    const conversationId = 'a:personal-card-submit';
    const [first] = await turn(teamsMessage(opts({ conversationId, text: 'Vem ska förankra innan en person aktualiseras till Vuxentorget?' })));
    const asked = cardOf(first);
    const choice = cardChoices(asked).find((a) => a.title === 'Försäkringskassan');
    expect(choice).toBeDefined();

    // Teams sends the submit's data (with the chosen list value merged in) as value and no text.
    const [second] = await turn(teamsMessage(opts({ conversationId, value: choice?.value })));
    const card = cardOf(second);
    const factSet = card.body.find((e) => e.type === 'FactSet');
    expect(factSet?.type === 'FactSet' && factSet.facts).toContainEqual({ title: 'Aktualiserande part', value: 'Försäkringskassan' });
    expect(allText(card.body)).toMatch(/Vilken ersättning har personen/);
  });

  it('welcomes once when the bot is added to a team (conversationUpdate + installationUpdate), in Swedish', async () => {
    const team = { scope: 'channel' as const, conversationId: '19:general-new-team@thread.tacv2' };
    const [welcome] = await turn(teamsBotAdded(opts(team)));
    const text = allText(cardOf(welcome).body);
    expect(text).toMatch(/^Hej! Jag är Samverkansboten/);
    expect(text).toMatch(/Nämn @Samverkansboten/);
    expect(decodeURIComponent(welcome?.path ?? '')).toMatch(/^\/v3\/conversations\/19:general-new-team@thread\.tacv2\//);

    // The installationUpdate of the same installation does not welcome again.
    await turn(teamsInstallationUpdate(opts(team), 'add'), 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(connector.calls.filter((c) => decodeURIComponent(c.path).includes('general-new-team'))).toHaveLength(1);
  });

  it('welcomes on installationUpdate add in a personal chat, without the channel hint', async () => {
    const [welcome] = await turn(teamsInstallationUpdate(opts({ scope: 'personal', conversationId: 'a:personal-install' }), 'add'));
    const text = allText(cardOf(welcome).body);
    expect(text).toMatch(/Samverkansboten/);
    expect(text).not.toMatch(/Nämn @Samverkansboten/);
  });

  it('does not greet people joining a team the bot is already in', async () => {
    const before = connector.calls.length;
    await turn(teamsMemberAdded(opts({ scope: 'channel', conversationId: '19:general-existing@thread.tacv2' })), 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(connector.calls.length).toBe(before);
  });

  it('keeps text and the Reply in channelData for the Emulator, and adds the card', async () => {
    const activity = { ...teamsMessage(opts({ text: 'hjälp', conversationId: 'emulator-conv' })), channelId: 'emulator' };
    const [call] = await turn(activity);
    const sent = call?.body as SentActivity;
    expect(sent.text).toMatch(/Samverkansboten/);
    expect(sent.channelData?.[REPLY_CHANNEL_DATA_KEY]).toBeDefined();
    expect(cardOf(call).fallbackText).toBe(sent.text);
  });
});
