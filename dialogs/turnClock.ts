import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../src/core/deps.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "Now" for this turn: noon UTC of `channelData.today` when an edge set an ISO day (the CLI's
 * --today, batch lines with "today"), else the injected clock. Dialogs use this, never `new Date()`.
 */
export function turnNow(context: TurnContext, deps: Pick<BotDeps, 'clock'>): Date {
  const today: unknown = (context.activity.channelData as Record<string, unknown> | undefined)?.today;
  if (typeof today === 'string' && ISO_DAY.test(today)) {
    const at = new Date(`${today}T12:00:00Z`);
    if (!Number.isNaN(at.getTime())) return at;
  }
  return deps.clock();
}
