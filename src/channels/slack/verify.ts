import { verifySlackRequest } from '@slack/bolt';

export type SignatureProblem = 'missing_headers' | 'invalid_timestamp' | 'stale_timestamp' | 'bad_signature';

export type SignatureCheck = { ok: true } | { ok: false; problem: SignatureProblem };

export interface SignedRequest {
  /** The request body exactly as received (what Slack signed). */
  rawBody: string;
  /** `x-slack-signature`, e.g. `v0=5f1c…`. */
  signature: string | undefined;
  /** `x-slack-request-timestamp`, Unix seconds. */
  timestamp: string | undefined;
}

/** How far a request's timestamp may lie from our clock; Bolt checks five minutes into the past. */
const MAX_SKEW_SECONDS = 5 * 60;

/**
 * Checks that a request comes from Slack: HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the
 * signing secret, timestamp at most five minutes old (replay protection). The HMAC and the
 * staleness rule are Bolt's own `verifySlackRequest`; this adds the header presence checks and a
 * reason for the log. `nowMs` is the injectable clock.
 */
export function checkSlackSignature(signingSecret: string, request: SignedRequest, nowMs: number): SignatureCheck {
  const { signature, timestamp, rawBody } = request;
  if (!signature || !timestamp) return { ok: false, problem: 'missing_headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, problem: 'invalid_timestamp' };
  const seconds = Number(timestamp);
  // Bolt only rejects timestamps in the past; one far in the future would stay replayable, so refuse it too.
  if (Math.abs(Math.floor(nowMs / 1000) - seconds) > MAX_SKEW_SECONDS) return { ok: false, problem: 'stale_timestamp' };
  try {
    verifySlackRequest({
      signingSecret,
      body: rawBody,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': seconds },
      nowMilliseconds: nowMs,
    });
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    return { ok: false, problem: message.includes('stale') ? 'stale_timestamp' : 'bad_signature' };
  }
}
