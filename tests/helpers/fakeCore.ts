import { ActivityHandler } from 'botbuilder';
import type { ConversationCore, TurnInput } from '../../src/core/conversationCore.js';
import type { Reply } from '../../src/core/reply.js';

/** Markup that must stay text wherever it is shown. */
export const MARKUP = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">`;

export interface FakeCore extends ConversationCore {
  turns: TurnInput[];
}

/**
 * A conversation core that answers every turn with markup in each part of a Reply — what a
 * dialog quoting data or the user could produce — to test that channel edges render it as text.
 * `delayMs` holds each turn, for shutdown tests.
 */
export function createFakeCore(options: { delayMs?: number } = {}): FakeCore {
  const known = new Set<string>();
  const turns: TurnInput[] = [];
  return {
    bot: new ActivityHandler(),
    turns,
    async ask(input) {
      turns.push(input);
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      known.add(`${input.channelId}/${input.conversationId}`);
      const reply: Reply = {
        text: `Du skrev: ${input.text ?? ''}\nBot säger ${MARKUP}`,
        facts: [{ label: `Fakta ${MARKUP}`, value: MARKUP }],
        choices: [{ label: `Knapp ${MARKUP}`, value: `valt ${MARKUP}` }],
        sources: [{ doc: 'x.txt', section: `Avsnitt ${MARKUP}`, title: `Titel ${MARKUP}` }],
      };
      return [reply];
    },
    async hasConversation(channelId, conversationId) {
      return known.has(`${channelId}/${conversationId}`);
    },
    async flush() {},
  };
}
