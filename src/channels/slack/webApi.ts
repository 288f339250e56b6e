import { LogLevel, webApi, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../../core/log.js';

// @slack/web-api comes with Bolt; using Bolt's re-export keeps one version and one dependency.
const { WebClient, WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError } = webApi;
export type WebClient = webApi.WebClient;
type WebClientOptions = webApi.WebClientOptions;

/** Slack's public Web API base; SLACK_API_URL replaces it (tests point it at a fake on 127.0.0.1). */
export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

/** How long one Web API call may take before it is given up. */
const REQUEST_TIMEOUT_MS = 10_000;

/** The longest Retry-After we wait for inside a turn or a send; longer ones go back to the caller. */
export const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 30_000;

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Slack's Web API base as the WebClient wants it: ending with `/api/`-style slash. */
export function slackApiBase(apiUrl: string | undefined): string {
  const url = apiUrl ?? DEFAULT_SLACK_API_URL;
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * Bolt's and the WebClient's logger, forwarded to ours. Their debug lines quote request bodies
 * (what users wrote, what we answered), so debug is dropped; the rest keeps only its first line.
 */
export function boltLogger(log: Logger): SlackLogger {
  let level = LogLevel.INFO;
  const detail = (args: unknown[]): string => {
    const first = args.find((a) => typeof a === 'string' || a instanceof Error);
    const text = first instanceof Error ? `${first.name}: ${first.message}` : String(first ?? '');
    return text.split('\n')[0]?.slice(0, 300) ?? '';
  };
  return {
    debug: () => undefined,
    info: (...args) => log.info('slack_sdk', { detail: detail(args) }),
    warn: (...args) => log.warn('slack_sdk', { detail: detail(args) }),
    error: (...args) => log.error('slack_sdk', { detail: detail(args) }),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/**
 * Options of every WebClient we make. Rate limits are rejected (not waited out inside the client)
 * and nothing is retried by the client: {@link withRateLimitRetry} waits for Retry-After once, and a
 * blind retry of chat.postMessage after a timeout could post a message twice.
 */
export function webClientOptions(apiUrl: string | undefined, log: Logger): WebClientOptions {
  return {
    slackApiUrl: slackApiBase(apiUrl),
    logger: boltLogger(log),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: REQUEST_TIMEOUT_MS,
    allowAbsoluteUrls: false,
    fetch: markingFetch,
  };
}

export function createSlackWebClient(token: string, apiUrl: string | undefined, log: Logger): WebClient {
  return new WebClient(token, webClientOptions(apiUrl, log));
}

export interface RateLimitOptions {
  /** Longest Retry-After to wait for; a longer one is thrown to the caller. Default 30 s. */
  maxWaitMs?: number;
  sleep?: Sleep;
}

/**
 * Runs a Web API call; on HTTP 429 it waits the Retry-After the response named (bounded by
 * `maxWaitMs`) and tries once more. A second 429, or a wait longer than the bound, is thrown as
 * the WebAPIRateLimitedError so the caller decides (a delivery reports `retry` with the delay).
 */
export async function withRateLimitRetry<T>(call: () => Promise<T>, options: RateLimitOptions = {}): Promise<T> {
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS;
  const sleep = options.sleep ?? realSleep;
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof WebAPIRateLimitedError)) throw error;
    const waitMs = error.retryAfter * 1000;
    if (waitMs > maxWaitMs) throw error;
    await sleep(waitMs);
    return call();
  }
}

/** The Slack error code of a failed call (`channel_not_found`, …), if it was a platform error. */
export function platformErrorCode(error: unknown): string | undefined {
  return error instanceof WebAPIPlatformError ? error.data.error : undefined;
}

/** Connection errors that mean the request was never sent. */
const NEVER_SENT_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'];

/** A Web API request that could not even connect: nothing reached Slack. */
export class SlackUnreachableError extends Error {
  constructor(readonly code: string) {
    super(`Slack kunde inte nås (${code})`);
    this.name = 'SlackUnreachableError';
  }
}

/** Error codes along a cause chain; duck-typed, as fetch's errors may come from another realm (jest's vm). */
function causeCodes(error: unknown): Set<string> {
  const codes = new Set<string>();
  let cause = error;
  for (let depth = 0; depth < 5 && typeof cause === 'object' && cause !== null; depth += 1) {
    const { code, cause: next } = cause as { code?: unknown; cause?: unknown };
    if (typeof code === 'string') codes.add(code);
    cause = next;
  }
  return codes;
}

/**
 * The WebClient's fetch: a failure to connect becomes a {@link SlackUnreachableError}, because the
 * WebClient keeps only the message of errors it does not recognise and the connection code is lost.
 */
const markingFetch: typeof fetch = async (input, init) => {
  try {
    return await fetch(input, init);
  } catch (error) {
    const code = NEVER_SENT_CODES.find((c) => causeCodes(error).has(c));
    throw code ? new SlackUnreachableError(code) : error;
  }
};

/**
 * True when a failed request certainly never reached Slack (connection refused, name not found),
 * so sending again cannot post a message twice.
 */
export function neverReachedSlack(error: unknown): boolean {
  return error instanceof WebAPIRequestError && error.original instanceof SlackUnreachableError;
}
