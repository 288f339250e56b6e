import type { Clock } from './clock.js';
import type { Logger } from './log.js';
import type { AgreementData } from '../data/load.js';
import type { ConversationCap } from '../state/knownConversations.js';
import type { StateStore } from '../state/store.js';
import type { DeliveryRegistry } from '../delivery/types.js';
import type { ForbundChannels } from '../config.js';

/**
 * What every dialog and edge may depend on, handed in through constructors so tests pass fakes.
 * Owners: data (src/data), state (src/state), config (src/config.ts), log (src/core/log.ts).
 * Feature issues add fields here (e.g. delivery for reminders) — keep it a plain object.
 */
export interface BotDeps {
  data: AgreementData;
  clock: Clock;
  /** Runtime state (lowdb file); change it only through `state.update`. */
  state: StateStore;
  /** Structured log; pass ids and intent names, never what the user wrote. */
  log: Logger;
  /** Who has the kansli role, as `channel:userId` (config KANSLI_USERS); absent or empty = nobody. */
  kansliUsers?: readonly string[];
  /** Config SUBSCRIBE_ANY_CHANNEL: subscriptions may be changed from turns that do not show the user is in the channel. */
  subscribeAnyChannel?: boolean;
  /** How many conversations of channels without login (the web chat) are kept; absent = no cap. */
  conversationCap?: ConversationCap;
  /** Config FORBUND_CHANNELS: which förbund a Slack/Teams place or the web chat belongs to (src/core/conversationForbund.ts). */
  forbundChannels?: ForbundChannels;
  /** Proactive delivery to subscribed channels (src/delivery/types.ts); absent where nothing can post. */
  delivery?: DeliveryRegistry;
}
