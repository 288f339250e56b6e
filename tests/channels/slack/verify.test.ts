import { checkSlackSignature } from '../../../src/channels/slack/verify.js';
import { slackSignature } from '../../helpers/fakeSlackApi.js';

// Slack's documented example (https://docs.slack.dev/authentication/verifying-requests-from-slack).
const DOC_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const DOC_BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const DOC_TS = 1531420618;
const DOC_SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';

const at = (seconds: number): number => seconds * 1000;

describe('checkSlackSignature', () => {
  it("accepts Slack's documented example", () => {
    expect(checkSlackSignature(DOC_SECRET, { rawBody: DOC_BODY, signature: DOC_SIGNATURE, timestamp: String(DOC_TS) }, at(DOC_TS + 10))).toEqual({ ok: true });
  });

  it('our test signer computes the same HMAC as Slack', () => {
    expect(slackSignature(DOC_SECRET, DOC_TS, DOC_BODY)).toBe(DOC_SIGNATURE);
  });

  it('accepts up to five minutes of skew either way, and refuses beyond', () => {
    const req = (ts: number) => ({ rawBody: 'x', signature: slackSignature('s', ts, 'x'), timestamp: String(ts) });
    const now = 1_800_000_000;
    expect(checkSlackSignature('s', req(now - 300), at(now)).ok).toBe(true);
    expect(checkSlackSignature('s', req(now + 300), at(now)).ok).toBe(true);
    expect(checkSlackSignature('s', req(now - 301), at(now))).toEqual({ ok: false, problem: 'stale_timestamp' });
    expect(checkSlackSignature('s', req(now + 301), at(now))).toEqual({ ok: false, problem: 'stale_timestamp' });
  });

  it.each([
    ['a wrong secret', { rawBody: DOC_BODY, signature: slackSignature('other', DOC_TS, DOC_BODY), timestamp: String(DOC_TS) }, 'bad_signature'],
    ['a changed body', { rawBody: `${DOC_BODY}&x=1`, signature: DOC_SIGNATURE, timestamp: String(DOC_TS) }, 'bad_signature'],
    ['another timestamp than signed', { rawBody: DOC_BODY, signature: DOC_SIGNATURE, timestamp: String(DOC_TS + 1) }, 'bad_signature'],
    ['an unknown version', { rawBody: DOC_BODY, signature: DOC_SIGNATURE.replace('v0=', 'v1='), timestamp: String(DOC_TS) }, 'bad_signature'],
    ['no signature', { rawBody: DOC_BODY, signature: undefined, timestamp: String(DOC_TS) }, 'missing_headers'],
    ['no timestamp', { rawBody: DOC_BODY, signature: DOC_SIGNATURE, timestamp: undefined }, 'missing_headers'],
    ['a non-numeric timestamp', { rawBody: DOC_BODY, signature: DOC_SIGNATURE, timestamp: '1531420618abc' }, 'invalid_timestamp'],
  ] as const)('refuses %s', (_name, request, problem) => {
    expect(checkSlackSignature(DOC_SECRET, request, at(DOC_TS))).toEqual({ ok: false, problem });
  });
});
