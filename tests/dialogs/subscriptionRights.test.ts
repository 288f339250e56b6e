import { join } from 'node:path';
import { TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { parseConfig } from '../../src/config.js';
import { fixedDayClock } from '../../src/core/clock.js';
import { createConversationCore } from '../../src/core/conversationCore.js';
import type { BotDeps } from '../../src/core/deps.js';
import { createMemoryLogger } from '../../src/core/log.js';
import { loadData, type AgreementData } from '../../src/data/load.js';
import { openStateStore } from '../../src/state/store.js';
import { tempDir } from '../helpers/coreTestKit.js';

/**
 * Issue 15, finding 9, through the real dialog stack (the core's bot on botbuilder's TestAdapter):
 * who may change a channel's reminder subscriptions. The Bot Framework adapter stores the
 * request's identity under BotIdentityKey; the middleware below plays that part.
 */

let data: AgreementData;
beforeAll(async () => {
  data = await loadData('data');
});

/** What the CloudAdapter stores for a request without a verified token (local mode). */
const ANONYMOUS = { claims: [], authenticationType: 'anonymous', isAuthenticated: true };
/** …and for a verified Teams token. */
const VERIFIED = { claims: [{ type: 'aud', value: 'app-id' }], authenticationType: 'Bearer', isAuthenticated: true };

async function bot(options: { identity?: object; subscribeAnyChannel?: boolean } = {}) {
  const state = await openStateStore(join(tempDir(), 'state.json'));
  const { logger } = createMemoryLogger('error');
  const deps: BotDeps = {
    data, state, clock: fixedDayClock('2023-02-01'), log: logger,
    kansliUsers: ['slack:UKANSLI'], subscribeAnyChannel: options.subscribeAnyChannel,
  };
  const core = createConversationCore(deps);
  const adapter = new TestAdapter((context) => core.bot.run(context));
  if (options.identity) {
    adapter.use(async (context: TurnContext, next) => {
      context.turnState.set(context.adapter.BotIdentityKey, options.identity);
      await next();
    });
  }
  const say = async (activity: Partial<Activity>): Promise<string> => {
    await adapter.send({ type: 'message', locale: 'sv-SE', ...activity }).startTest();
    return adapter.activeQueue.splice(0).map((a) => a.text ?? '').join('\n');
  };
  return { deps, say };
}

/** A turn that claims to come from Slack channel C0OTHER (its channelData names the channel). */
const fromSlack = (text: string, user = 'U0000USER'): Partial<Activity> => ({
  text, channelId: 'slack', from: { id: user, name: '' }, conversation: { id: 'T1:C0OTHER', isGroup: true, conversationType: 'channel', name: '' },
  channelData: { channel: 'C0OTHER', team: 'T1' },
});
const fromTeams = (text: string): Partial<Activity> => ({
  text, channelId: 'msteams', serviceUrl: 'https://smba.example/', from: { id: '29:user', name: '' },
  conversation: { id: '19:abc@thread.tacv2', isGroup: true, conversationType: 'channel', name: '' },
});

describe('subscribing a channel the request does not show the user is in', () => {
  it('is refused by default for an unauthenticated Bot Framework activity naming a Slack channel; nothing is stored', async () => {
    const b = await bot({ identity: ANONYMOUS });
    expect(await b.say(fromSlack('prenumerera på påminnelser för SSG'))).toMatch(/^Jag kan inte se att du är med i den här kanalen/);
    expect(await b.say(fromTeams('prenumerera på påminnelser för styrelsen'))).toMatch(/^Jag kan inte se att du är med/);
    expect(b.deps.state.read().subscriptions).toEqual([]);
  });

  it('is refused for unsubscribing too', async () => {
    const b = await bot({ identity: ANONYMOUS });
    await b.deps.state.update((s) => {
      s.subscriptions.push({
        id: 'x', forbund: 'umearegionen', group: 'ssg', target: { kind: 'slack', channelId: 'C0OTHER' }, channelKey: 'slack:C0OTHER',
        offsets: [7, 1], timeOfDay: '08:00', createdAt: '2023-01-01T00:00:00.000Z', status: 'active',
      });
    });
    expect(await b.say(fromSlack('avsluta prenumeration för SSG'))).toMatch(/^Jag kan inte se att du är med/);
    expect(b.deps.state.read().subscriptions).toHaveLength(1);
  });

  it('is allowed with SUBSCRIBE_ANY_CHANNEL=true', async () => {
    const b = await bot({ identity: ANONYMOUS, subscribeAnyChannel: true });
    expect(await b.say(fromSlack('prenumerera på påminnelser för SSG'))).toMatch(/^Klart/);
    expect(b.deps.state.read().subscriptions.map((s) => s.channelKey)).toEqual(['slack:C0OTHER']);
  });

  it('a verified Teams activity, and a turn from our own edges (no Bot Framework identity), may subscribe', async () => {
    const teams = await bot({ identity: VERIFIED });
    expect(await teams.say(fromTeams('prenumerera på påminnelser för styrelsen'))).toMatch(/^Klart/);
    const own = await bot();
    expect(await own.say(fromSlack('prenumerera på påminnelser för SSG'))).toMatch(/^Klart/);
  });

  it('an Emulator conversation is the user’s own: allowed even unauthenticated', async () => {
    const b = await bot({ identity: ANONYMOUS });
    expect(await b.say({ text: 'prenumerera på påminnelser för SSG', channelId: 'emulator' })).toMatch(/^Klart/);
  });

  it('the kansli group stays kansli-only even when any channel may be subscribed', async () => {
    const b = await bot({ identity: ANONYMOUS, subscribeAnyChannel: true });
    expect(await b.say(fromSlack('prenumerera på påminnelser för kansliet'))).toMatch(/^Bara kansliet kan ändra/);
    expect(b.deps.state.read().subscriptions).toEqual([]);
    expect(await b.say(fromSlack('prenumerera på påminnelser för kansliet', 'UKANSLI'))).toMatch(/^Klart/);
  });
});

describe('SUBSCRIBE_ANY_CHANNEL', () => {
  it('is off unless set to true; other values stop start-up', () => {
    expect(parseConfig({}).SUBSCRIBE_ANY_CHANNEL).toBe(false);
    expect(parseConfig({ SUBSCRIBE_ANY_CHANNEL: '' }).SUBSCRIBE_ANY_CHANNEL).toBe(false);
    expect(parseConfig({ SUBSCRIBE_ANY_CHANNEL: 'true' }).SUBSCRIBE_ANY_CHANNEL).toBe(true);
    expect(() => parseConfig({ SUBSCRIBE_ANY_CHANNEL: 'ja' })).toThrow(/SUBSCRIBE_ANY_CHANNEL: måste vara true eller false/);
  });
});
