import type { Activity } from 'botbuilder';
import { classifyConnectorFailure, parseRetryAfter } from '../../../src/channels/teams/connectorFailure.js';
import { proactiveReference, teamsDeliveryFromConfig } from '../../../src/channels/teams/deliveryChannel.js';
import { parseConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/core/log.js';
import { BARE_MENTION_TEXT, normalizeIncoming, plainText, submittedChoice } from '../../../src/channels/teams/incoming.js';
import { attachReplyCard, SUMMARY_MAX, summaryOf } from '../../../src/channels/teams/outgoing.js';
import { createWelcomeGate, isBotInstallation, teamsWelcomeReply } from '../../../src/channels/teams/welcome.js';
import { REPLY_CHANNEL_DATA_KEY } from '../../../src/core/reply.js';
import { replyActivity } from '../../../src/core/sendReply.js';
import { targetKey } from '../../../src/delivery/types.js';

const BOT = { id: '28:bot', name: 'Samverkansboten' };

function message(fields: Partial<Activity>): Activity {
  return { type: 'message', channelId: 'msteams', recipient: BOT, from: { id: '29:u', name: 'U' }, conversation: { id: 'c' }, ...fields } as Activity;
}

const mention = (name = BOT.name, id = BOT.id) => ({ type: 'mention', text: `<at>${name}</at>`, mentioned: { id, name } });

describe('incoming Teams messages', () => {
  it('removes every mention of the bot, and the &nbsp; Teams puts after it', () => {
    const a = message({ text: '<at>Samverkansboten</at>&nbsp;vem ska förankra? <at>Samverkansboten</at>', entities: [mention()] });
    normalizeIncoming(a);
    expect(a.text).toBe('vem ska förankra?');
  });

  it('keeps mentions of other people', () => {
    const a = message({ text: '<at>Samverkansboten</at> fråga <at>Anna</at>', entities: [mention(), mention('Anna', '29:anna')] });
    normalizeIncoming(a);
    expect(a.text).toBe('fråga <at>Anna</at>');
  });

  it('reads a formatted (HTML) Teams message as plain text', () => {
    const a = message({ text: '<p><at>Samverkansboten</at> vem ska <b>förankra</b> om personen är &lt; 25?</p><p>Från FK</p>', entities: [mention()] });
    normalizeIncoming(a);
    expect(a.text).toBe('vem ska förankra om personen är < 25?\nFrån FK');
    expect(plainText('ålder < 25 & bosatt i Umeå')).toBe('ålder < 25 & bosatt i Umeå');
  });

  it('treats a bare mention as a request for help', () => {
    const a = message({ text: '<at>Samverkansboten</at>', entities: [mention()] });
    normalizeIncoming(a);
    expect(a.text).toBe(BARE_MENTION_TEXT);
  });

  it('turns a card submit into the chosen text', () => {
    const a = message({ value: { samverkansChoice: 'Försäkringskassan' } });
    normalizeIncoming(a);
    expect(a.text).toBe('Försäkringskassan');
  });

  it.each([[undefined], [{}], [{ samverkansChoice: '' }], [{ samverkansChoice: 5 }], ['text'], [{ samverkansChoice: 'x'.repeat(501) }]])(
    'ignores a value that is not a choice submit: %p',
    (value) => {
      expect(submittedChoice({ value })).toBeUndefined();
    },
  );
});

describe('outgoing cards', () => {
  it('in Teams moves the text to summary, the Reply out of channelData, and keeps other channelData', () => {
    const activity = replyActivity({ text: 'Hej', facts: [{ label: 'A', value: 'B' }] });
    activity.channelData = { ...(activity.channelData as object), notification: { alert: true } };
    attachReplyCard(activity, 'msteams');
    expect(activity.text).toBeUndefined();
    expect(activity.summary).toBe('Hej');
    expect(activity.channelData).toEqual({ notification: { alert: true } });
    expect(activity.attachments).toHaveLength(1);
  });

  it('keeps the summary to the headline (first sentence), shortened', () => {
    expect(summaryOf('Första raden.\nAndra raden.')).toBe('Första raden.');
    expect(summaryOf('Ja, Försäkringskassan förankrar. Se t.ex. Bilaga 3 för detaljer.\nMer.')).toBe('Ja, Försäkringskassan förankrar.');
    expect(summaryOf('Ring t.ex. Vuxentorget på 090-123.')).toBe('Ring t.ex. Vuxentorget på 090-123.');
    const long = summaryOf('x'.repeat(500));
    expect(long).toHaveLength(SUMMARY_MAX);
    expect(long.endsWith('…')).toBe(true);
  });

  it('leaves messages without a Reply and non-messages alone', () => {
    const plain: Partial<Activity> = { type: 'message', text: 'Svara med ett nummer.' };
    attachReplyCard(plain, 'msteams');
    expect(plain).toEqual({ type: 'message', text: 'Svara med ett nummer.' });
    const typing: Partial<Activity> = { type: 'typing', channelData: { [REPLY_CHANNEL_DATA_KEY]: { text: 'x' } } };
    attachReplyCard(typing, 'msteams');
    expect(typing.attachments).toBeUndefined();
  });
});

describe('installation welcome', () => {
  it('recognises the bot being added, not members joining', () => {
    expect(isBotInstallation(message({ type: 'conversationUpdate', membersAdded: [{ id: BOT.id, name: '' }] }))).toBe(true);
    expect(isBotInstallation(message({ type: 'conversationUpdate', membersAdded: [{ id: '29:ny', name: '' }] }))).toBe(false);
    expect(isBotInstallation(message({ type: 'installationUpdate', action: 'add' }))).toBe(true);
    expect(isBotInstallation(message({ type: 'installationUpdate', action: 'remove' }))).toBe(false);
  });

  it('welcomes a conversation once within the window, and again after it', () => {
    let now = 0;
    const first = createWelcomeGate(60_000, () => now);
    expect(first('19:x@thread.tacv2')).toBe(true);
    expect(first('19:x@thread.tacv2;messageid=1')).toBe(false);
    now = 61_000;
    expect(first('19:x@thread.tacv2')).toBe(true);
  });

  it('tells channel users to mention the bot', () => {
    expect(teamsWelcomeReply('channel').text).toMatch(/Nämn @Samverkansboten/);
    expect(teamsWelcomeReply('personal').text).not.toMatch(/Nämn/);
  });
});

describe('proactive references and failures', () => {
  const stored = {
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    channelId: 'msteams',
    activityId: '1700000000123',
    conversation: { id: '19:k@thread.tacv2;messageid=1700000000123', conversationType: 'channel' },
    bot: { id: '28:bot', name: 'Samverkansboten' },
  };

  it('posts to the channel, not to the thread the subscription came from, and replies to nothing', () => {
    const ref = proactiveReference(stored);
    expect(ref.conversation?.id).toBe('19:k@thread.tacv2');
    expect(ref.conversation?.conversationType).toBe('channel');
    expect(ref.activityId).toBeUndefined();
    expect(targetKey({ kind: 'teams', conversationReference: stored })).toBe('teams:19:k@thread.tacv2');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('snart', now)).toBeUndefined();
  });

  it.each([
    [403, 'dead'],
    [404, 'dead'],
    [410, 'dead'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
    [400, 'rejected'],
    [401, 'rejected'],
  ])('classifies HTTP %i as %s', (statusCode, kind) => {
    expect(classifyConnectorFailure(Object.assign(new Error('x'), { statusCode }), 0).kind).toBe(kind);
  });

  it('classifies a refused connection as retry and a reset one as unknown (it may have arrived)', () => {
    expect(classifyConnectorFailure(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), 0).kind).toBe('retry');
    expect(classifyConnectorFailure(Object.assign(new Error('x'), { code: 'ECONNRESET' }), 0).kind).toBe('unknown');
  });
});

describe('Teams delivery outside the server (npm run reminders)', () => {
  it('exists only with Bot Framework credentials', () => {
    expect(teamsDeliveryFromConfig(parseConfig({}), silentLogger)).toBeUndefined();
    const config = parseConfig({ MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'x', MicrosoftAppTenantId: 't' });
    expect(teamsDeliveryFromConfig(config, silentLogger)?.kind).toBe('teams');
  });
});
