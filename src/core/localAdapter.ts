import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';

/** Delivers activities sent outside a collected turn (proactive messages) to a channel. */
export type Deliver = (activities: Partial<Activity>[], reference: Partial<ConversationReference>) => Promise<void>;

const OUTBOX = Symbol('localAdapter.outbox');

// Activities that steer the adapter itself and never reach a user.
const NOT_FOR_USERS = new Set<string>(['delay', ActivityTypes.InvokeResponse, ActivityTypes.Trace]);

/**
 * A channel-agnostic BotAdapter for edges that are not Bot Framework channels (web, CLI,
 * Slack): it runs one turn for an activity and returns what the bot sent. Proactive sends
 * (continueConversation) go to the `deliver` callback.
 */
export class LocalAdapter extends BotAdapter {
  constructor(private readonly deliver?: Deliver) {
    super();
  }

  /** Runs `logic` (usually `bot.run`) for `activity` and returns the activities it sent. */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    const context = new TurnContext(this, activity);
    const outbox: Partial<Activity>[] = [];
    context.turnState.set(OUTBOX, outbox);
    await this.runMiddleware(context, logic);
    return outbox;
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    const forUsers: Partial<Activity>[] = [];
    for (const activity of activities) {
      const id = activity.id ?? randomUUID();
      responses.push({ id });
      if (!NOT_FOR_USERS.has(activity.type ?? '')) forUsers.push({ ...activity, id });
    }
    const outbox = context.turnState.get(OUTBOX) as Partial<Activity>[] | undefined;
    if (outbox) {
      outbox.push(...forUsers);
    } else if (forUsers.length > 0) {
      if (!this.deliver) throw new Error('LocalAdapter: proaktiva meddelanden kräver en deliver-funktion');
      await this.deliver(forUsers, TurnContext.getConversationReference(context.activity));
    }
    return responses;
  }

  async updateActivity(): Promise<void> {
    throw new Error('LocalAdapter: updateActivity stöds inte');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('LocalAdapter: deleteActivity stöds inte');
  }

  /** Runs `logic` in a new turn of an existing conversation; what it sends goes to `deliver`. */
  async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'ContinueConversation' },
      reference,
      true,
    );
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
}
