import type { Activity, ResourceResponse, TurnContext } from 'botbuilder';
import type { Reply } from '../src/core/reply.js';
import { replyFromActivity, sentReplies } from '../src/core/sendReply.js';

/**
 * Holds back what a route's dialog sends in this turn, so MainDialog can judge the answer before
 * the user sees it: a route that answers "Det står inte i överenskommelserna" declines, and the
 * next reading or the search answers instead. Activities are held in the turn's outgoing
 * pipeline (onSendActivities) and sent for real by `release`; the Replies come from
 * `sentReplies` (channel middleware may have turned the activity into a card already).
 */
interface Capture {
  active: boolean;
  held: Partial<Activity>[];
  /** Index into sentReplies(context) where this capture began. */
  from: number;
  /** What an earlier reading answered, kept while a second reading is tried. */
  stash?: { held: Partial<Activity>[]; replies: Reply[] };
}

const KEY = Symbol('replyCapture');

function captureOf(context: TurnContext): Capture {
  const state = context.turnState as Map<unknown, unknown>;
  let c = state.get(KEY) as Capture | undefined;
  if (!c) {
    const fresh: Capture = { active: false, held: [], from: 0 };
    c = fresh;
    state.set(KEY, fresh);
    context.onSendActivities(async (_ctx, activities, next) => {
      if (!fresh.active) return next();
      fresh.held.push(...activities);
      return activities.map((): ResourceResponse => ({ id: '' }));
    });
  }
  return c;
}

/** Starts holding what is sent in this turn. */
export function startCapture(context: TurnContext): void {
  const c = captureOf(context);
  c.active = true;
  c.held = [];
  c.from = sentReplies(context).length;
}

/** True while this turn holds activities back. */
export function capturing(context: TurnContext): boolean {
  return (context.turnState as Map<unknown, unknown>).has(KEY) && captureOf(context).active;
}

/** Stops holding; returns what was held (not sent yet) and the Replies among it. */
export function stopCapture(context: TurnContext): { held: Partial<Activity>[]; replies: Reply[] } {
  const c = captureOf(context);
  c.active = false;
  const held = c.held;
  c.held = [];
  const replies = sentReplies(context).slice(c.from);
  // Prompts carry their Reply in the activity only; a channel may have turned it into a card (then it is not read).
  for (const a of held) {
    const r = replyFromActivity(a);
    if (r !== undefined && r.text !== '' && !replies.some((x) => x.text === r.text)) replies.push(r);
  }
  return { held, replies };
}

/** Sends held activities. */
export async function release(context: TurnContext, held: readonly Partial<Activity>[]): Promise<void> {
  if (held.length > 0) await context.sendActivities([...held]);
}

/** Stops holding and sends everything held (a dialog that waits for input must be seen). */
export async function releaseAll(context: TurnContext): Promise<void> {
  if (!capturing(context)) return;
  const { held } = stopCapture(context);
  await release(context, held);
}

export function stash(context: TurnContext, value: { held: Partial<Activity>[]; replies: Reply[] } | undefined): void {
  captureOf(context).stash = value;
}

export function stashed(context: TurnContext): { held: Partial<Activity>[]; replies: Reply[] } | undefined {
  return captureOf(context).stash;
}
