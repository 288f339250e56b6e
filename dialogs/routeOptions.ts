/**
 * What MainDialog hands a route's dialog when it begins it. `now` is an ISO timestamp rather
 * than a Date because dialog options are persisted in the state file between turns; a dialog
 * that needs "now" on a later turn calls `turnNow(context, deps)`.
 */
export interface RouteOptions {
  /** The user's (redacted) utterance that started the dialog, so it can answer in one turn. Absent after "börja om". */
  text?: string;
  /** ISO timestamp of "now" on the turn that started the dialog. */
  now: string;
}

/**
 * Reads RouteOptions from untyped dialog options (they come back from JSON after a restart);
 * `fallbackNow` (usually `turnNow(...)`) fills a missing `now`.
 */
export function readRouteOptions(options: unknown, fallbackNow: Date): RouteOptions {
  const o = (options ?? {}) as Record<string, unknown>;
  return {
    text: typeof o.text === 'string' ? o.text : undefined,
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
