import type restify from 'restify';
import { ClientError } from './errors.js';

export interface RateLimitSettings {
  /** Requests per minute a client may make in the long run; 0 turns the limit off. */
  perMinute: number;
  /** Requests a client may make at once before the per-minute rate applies. */
  burst: number;
  /** Clients remembered at most; the least recently seen is forgotten first (memory stays bounded). */
  maxClients?: number;
}

/** The outcome of one request against a client's bucket. */
export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

const DEFAULT_MAX_CLIENTS = 10_000;

/**
 * Token buckets per client (issue 15, finding 13): each client's bucket holds up to `burst`
 * tokens and refills at `perMinute` per minute; a request takes one. `now` is in milliseconds
 * and handed in, so tests decide the time.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(private readonly settings: RateLimitSettings) {
    this.perMs = settings.perMinute / 60_000;
  }

  take(client: string, now: number): Take {
    const previous = this.buckets.get(client);
    const elapsed = previous ? Math.max(0, now - previous.at) : 0;
    const tokens = previous ? Math.min(this.settings.burst, previous.tokens + elapsed * this.perMs) : this.settings.burst;
    // Delete and set again: the Map's order is then least recently seen first.
    this.buckets.delete(client);
    if (this.buckets.size >= (this.settings.maxClients ?? DEFAULT_MAX_CLIENTS)) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    if (tokens >= 1) {
      this.buckets.set(client, { tokens: tokens - 1, at: now });
      return { ok: true };
    }
    this.buckets.set(client, { tokens, at: now });
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)) };
  }

  /** Clients currently remembered. */
  get size(): number {
    return this.buckets.size;
  }
}

/** The client a request is counted against: its remote address (an IPv4 address seen over IPv6 as itself). */
export function clientOf(req: restify.Request): string {
  const address = req.socket?.remoteAddress ?? 'okänd';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/**
 * A route guard that answers 429, with Retry-After and a Swedish message, when a client is over its
 * rate. Runs before the body is read, so a refused request costs almost nothing.
 */
export function rateLimit(settings: RateLimitSettings, now: () => number = () => performance.now()): restify.RequestHandler[] {
  if (settings.perMinute <= 0) return [];
  const buckets = new TokenBuckets(settings);
  const guard: restify.RequestHandler = (req, res, next) => {
    const taken = buckets.take(clientOf(req), now());
    if (taken.ok) return next();
    res.header('Retry-After', String(taken.retryAfterSeconds));
    next(
      new ClientError(
        429,
        `För många förfrågningar på kort tid. Vänta ${taken.retryAfterSeconds} ${taken.retryAfterSeconds === 1 ? 'sekund' : 'sekunder'} och försök igen.`,
        'rate_limited',
      ),
    );
  };
  return [guard];
}
