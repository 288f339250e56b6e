import { z } from 'zod';

/**
 * What a failed Bot Connector call means for a proactive send. botbuilder throws a RestError
 * carrying `statusCode` and, when the SDK's own retry is off, the `response` with its headers.
 * - dead: 403 (bot removed from the team or chat, or blocked by the user), 404 (conversation
 *   gone), 410 — sending again cannot succeed;
 * - retry: 429 and 5xx, or no connection at all — certainly not delivered, may succeed later;
 *   `retryAfterMs` from Retry-After when the service gave one;
 * - rejected: any other 4xx (our request is wrong, e.g. credentials): not delivered, but the
 *   conversation is not at fault and trying at once again will not help;
 * - unknown: the connection broke mid-request — it may have been delivered.
 */
export type ConnectorFailure =
  | { kind: 'dead'; status: number; reason: string }
  | { kind: 'retry'; status?: number; retryAfterMs?: number; reason: string }
  | { kind: 'rejected'; status: number; reason: string }
  | { kind: 'unknown'; reason: string };

const restErrorSchema = z.looseObject({
  statusCode: z.number().int(),
  response: z.looseObject({ headers: z.custom<{ get(name: string): string | undefined }>((h) => typeof (h as { get?: unknown })?.get === 'function') }).optional(),
});

const systemErrorSchema = z.looseObject({ code: z.string() });

// The request never reached the service: certainly not delivered.
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Retry-After in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

const DEAD_REASONS: Record<number, string> = {
  403: 'boten är borttagen ur konversationen eller blockerad (403)',
  404: 'konversationen finns inte längre (404)',
  410: 'konversationen finns inte längre (410)',
};

export function classifyConnectorFailure(error: unknown, now: number): ConnectorFailure {
  const rest = restErrorSchema.safeParse(error);
  if (rest.success) {
    const status = rest.data.statusCode;
    const deadReason = DEAD_REASONS[status];
    if (deadReason !== undefined) return { kind: 'dead', status, reason: deadReason };
    if (status === 429 || status >= 500) {
      const retryAfterMs = parseRetryAfter(rest.data.response?.headers.get('retry-after') ?? undefined, now);
      return { kind: 'retry', status, retryAfterMs, reason: `Bot Connector svarade ${status}` };
    }
    if (status >= 400) return { kind: 'rejected', status, reason: `Bot Connector avvisade meddelandet (${status})` };
  }
  const system = systemErrorSchema.safeParse(error);
  if (system.success && NOT_CONNECTED.has(system.data.code)) {
    return { kind: 'retry', reason: `Bot Connector gick inte att nå (${system.data.code})` };
  }
  return { kind: 'unknown', reason: error instanceof Error ? error.message : String(error) };
}
