import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import type { BotFrameworkAuthHooks } from '../../src/channels/teams/cloudAdapter.js';

/** The issuer of Bot Framework channel tokens (botbuilder's default for ToBotFromChannelTokenIssuer). */
export const CHANNEL_ISSUER = 'https://api.botframework.com';
/** What the test credentials put on the bot's outgoing calls instead of an Entra token. */
export const OUTGOING_TEST_TOKEN = 'Bearer local-test-token';

function base64url(value: Buffer | string): string {
  return Buffer.from(value).toString('base64url');
}

/** An RS256 JWT signed with `key` (RFC 7519), the way the Bot Connector signs its calls. */
export function signJwt(key: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const head = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid, x5t: kid }));
  const body = base64url(JSON.stringify(claims));
  const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(key);
  return `${head}.${body}.${base64url(signature)}`;
}

/**
 * A stand-in for login.botframework.com on 127.0.0.1: OpenID metadata and a JWKS with one RSA
 * key, so botbuilder's token validation runs for real without the internet. `trusted` signs
 * tokens the bot accepts; `stranger` is a key the JWKS does not list.
 */
export interface LocalBotFrameworkIdentity {
  metadataUrl: string;
  trusted: { key: KeyObject; kid: string };
  stranger: { key: KeyObject; kid: string };
  /** Paths the bot fetched (metadata, keys). */
  fetched: string[];
  /** A channel token for `appId` and `serviceUrl`, valid for an hour unless `claims` say otherwise. */
  token(appId: string, serviceUrl: string, claims?: Record<string, unknown>, signer?: { key: KeyObject; kid: string }): string;
  /** Hooks for createBotFrameworkAdapter / startTestApp: local metadata, fixed outgoing token. */
  hooks(appId: string): BotFrameworkAuthHooks;
  close(): Promise<void>;
}

export async function startLocalBotFrameworkIdentity(): Promise<LocalBotFrameworkIdentity> {
  const trusted = { key: generateKeyPairSync('rsa', { modulusLength: 2048 }), kid: 'local-trusted-key' };
  const stranger = { key: generateKeyPairSync('rsa', { modulusLength: 2048 }), kid: 'local-stranger-key' };
  const jwk = trusted.key.publicKey.export({ format: 'jwk' });
  const fetched: string[] = [];
  let port = 0;
  const server: Server = createServer((req, res) => {
    fetched.push(req.url ?? '');
    res.setHeader('Content-Type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `http://127.0.0.1:${port}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (req.url === '/v1/.well-known/keys') {
      res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid: trusted.kid, n: jwk.n, e: jwk.e }] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const metadataUrl = `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`;

  return {
    metadataUrl,
    trusted: { key: trusted.key.privateKey, kid: trusted.kid },
    stranger: { key: stranger.key.privateKey, kid: stranger.kid },
    fetched,
    token(appId, serviceUrl, claims = {}, signer = { key: trusted.key.privateKey, kid: trusted.kid }) {
      const now = Math.floor(Date.now() / 1000);
      return signJwt(signer.key, signer.kid, { iss: CHANNEL_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + 3600, ...claims });
    },
    hooks(appId) {
      return {
        // botbuilder's public-cloud values, except where the signing keys come from.
        settings: {
          ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
          ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
          ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
          ToChannelFromBotOAuthScope: 'https://api.botframework.com',
          OAuthUrl: 'https://api.botframework.com',
          CallerId: 'urn:botframework:azure',
        },
        // Replaces the Entra token request (login.microsoftonline.com) for the bot's own calls.
        credentialsFactory: {
          isValidAppId: async (id: string) => id === appId,
          isAuthenticationDisabled: async () => false,
          createCredentials: async () => ({
            signRequest: async <T extends { headers: { set(name: string, value: string): void } }>(request: T) => {
              request.headers.set('authorization', OUTGOING_TEST_TOKEN);
              return request;
            },
          }),
        } as unknown as BotFrameworkAuthHooks['credentialsFactory'],
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

/**
 * Records (and refuses) every TCP connection to a host other than this machine, at the socket
 * level, so it catches fetch, http(s) and any SDK's own client. `restore()` puts the original back.
 */
export function guardOutboundConnections(): { attempts: string[]; restore(): void } {
  const attempts: string[] = [];
  const original = net.Socket.prototype.connect;
  const guarded = function (this: net.Socket, ...args: unknown[]): net.Socket {
    const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    const host =
      typeof first === 'object' && first !== null
        ? (first as { host?: string; path?: string }).path !== undefined
          ? 'localhost'
          : ((first as { host?: string }).host ?? 'localhost')
        : typeof args[1] === 'string'
          ? args[1]
          : 'localhost';
    if (!LOOPBACK.has(host)) {
      attempts.push(host);
      process.nextTick(() => this.destroy(new Error(`test: outbound connection to ${host} refused`)));
      return this;
    }
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  };
  net.Socket.prototype.connect = guarded as typeof original;
  return {
    attempts,
    restore: () => {
      net.Socket.prototype.connect = original;
    },
  };
}
