import type { TurnContext } from 'botbuilder';

/**
 * What MainDialog hands a route's dialog when it begins it. `now` is an ISO timestamp rather
 * than a Date because dialog options are persisted in the state file between turns; a dialog
 * that needs "now" on a later turn calls `turnNow(context, deps)`. The utterance is not in
 * here: options are persisted for the dialog's whole life, and what the user wrote must never
 * reach the state file. It travels in turn state instead ({@link routedText}).
 */
export interface RouteOptions {
  /** ISO timestamp of "now" on the turn that started the dialog. */
  now: string;
}

const ROUTED_TEXT = Symbol('routedText');

/** MainDialog: the (redacted) utterance the route it begins this turn is to answer. Turn state only, never persisted. */
export function setRoutedText(context: TurnContext, text: string | undefined): void {
  context.turnState.set(ROUTED_TEXT, text);
}

/** The utterance MainDialog routed in this turn, if any (absent after "börja om" and on later turns). */
export function routedText(context: TurnContext): string | undefined {
  const text: unknown = context.turnState.get(ROUTED_TEXT);
  return typeof text === 'string' ? text : undefined;
}

/**
 * Reads RouteOptions from untyped dialog options (they come back from JSON after a restart),
 * with the utterance this turn routed; `fallbackNow` (usually `turnNow(...)`) fills a missing `now`.
 */
export function readRouteOptions(context: TurnContext, options: unknown, fallbackNow: Date): RouteOptions & { text?: string } {
  const o = (options ?? {}) as Record<string, unknown>;
  return {
    text: routedText(context),
    now: typeof o.now === 'string' ? o.now : fallbackNow.toISOString(),
  };
}

/** A dialog may end with this result to hand the user's utterance back to MainDialog for routing. */
export interface RerouteResult {
  reroute: string;
}

export function isRerouteResult(result: unknown): result is RerouteResult {
  return typeof result === 'object' && result !== null && typeof (result as Record<string, unknown>).reroute === 'string';
}
