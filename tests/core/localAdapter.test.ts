import { describe, expect, test } from '@jest/globals';
import { ActivityTypes, type Activity, type ConversationReference } from 'botbuilder';
import { LocalAdapter } from '../../src/core/localAdapter.js';
import { sendReply } from '../../src/core/sendReply.js';
import { REPLY_CHANNEL_DATA_KEY } from '../../src/core/reply.js';

const incoming: Partial<Activity> = {
  type: ActivityTypes.Message,
  text: 'hej',
  channelId: 'slack',
  serviceUrl: 'local://slack',
  conversation: { id: 'C1', isGroup: true, conversationType: 'channel', name: '' },
  from: { id: 'U1', name: '' },
  recipient: { id: 'bot', name: 'bot' },
};

describe('LocalAdapter', () => {
  test('collects what a turn sends, addressed to the conversation, and skips non-user activities', async () => {
    const adapter = new LocalAdapter();
    const sent = await adapter.processActivity(incoming, async (context) => {
      await sendReply(context, { text: 'Svar', choices: [{ label: 'Ja' }] });
      await context.sendActivity({ type: ActivityTypes.Trace, name: 'debug' });
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      type: 'message',
      text: 'Svar\n\n1) Ja',
      inputHint: 'expectingInput',
      conversation: { id: 'C1' },
      channelId: 'slack',
      channelData: { [REPLY_CHANNEL_DATA_KEY]: { text: 'Svar', choices: [{ label: 'Ja' }] } },
    });
  });

  test('continueConversation delivers proactive messages through the callback', async () => {
    const delivered: { activities: Partial<Activity>[]; reference: Partial<ConversationReference> }[] = [];
    const adapter = new LocalAdapter(async (activities, reference) => {
      delivered.push({ activities, reference });
    });
    const reference = {
      channelId: 'slack',
      serviceUrl: 'local://slack',
      conversation: { id: 'C9', isGroup: true, conversationType: 'channel', name: '' },
      bot: { id: 'bot', name: 'bot' },
    };
    await adapter.continueConversation(reference, async (context) => {
      await sendReply(context, { text: 'Påminnelse: styrelsemöte om 7 dagar.' });
    });
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.activities[0]?.text).toBe('Påminnelse: styrelsemöte om 7 dagar.');
    expect(delivered[0]?.reference.conversation?.id).toBe('C9');
  });

  test('a proactive send without a delivery callback fails loudly', async () => {
    const adapter = new LocalAdapter();
    const errors: unknown[] = [];
    adapter.onTurnError = async (_context, error) => {
      errors.push(error);
    };
    await adapter.continueConversation({ channelId: 'web', conversation: { id: 'x', isGroup: false, conversationType: '', name: '' } }, async (context) => {
      await context.sendActivity('hej');
    });
    expect(String(errors[0])).toContain('deliver');
  });
});
