import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { hasBotFrameworkCredentials, type Config } from '../../config.js';
import type { Logger } from '../../core/log.js';
import { ClientError } from '../../http/errors.js';
import { createBotFrameworkMiddleware } from './middleware.js';

type CredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;

/**
 * Test hooks for the Bot Framework authentication: where the OpenID metadata (signing keys) of
 * channel and emulator tokens is fetched, and how outgoing calls get their token. Production
 * leaves them unset (botbuilder's public-cloud defaults); tests point them at 127.0.0.1.
 * Once one endpoint setting is given botbuilder uses none of its defaults: give them all.
 */
export interface BotFrameworkAuthHooks {
  settings?: Pick<
    ConfigurationBotFrameworkAuthenticationOptions,
    | 'ToBotFromChannelOpenIdMetadataUrl'
    | 'ToBotFromEmulatorOpenIdMetadataUrl'
    | 'ToBotFromChannelTokenIssuer'
    | 'ToChannelFromBotLoginUrl'
    | 'ToChannelFromBotOAuthScope'
    | 'OAuthUrl'
    | 'CallerId'
  >;
  credentialsFactory?: CredentialsFactory;
}

/** The answer to a request whose Bot Framework token is missing or invalid. */
export function unauthorized(): ClientError {
  return new ClientError(401, 'Ogiltig eller saknad Bot Framework-token.', 'unauthorized');
}

// jsonwebtoken's errors escape botbuilder's token check unwrapped (CloudAdapter.process answers them with 500).
const TOKEN_ERROR_NAMES = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/** True for an error that means "this request's token is not acceptable". */
function isTokenRejection(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (TOKEN_ERROR_NAMES.has(error.name)) return true;
  const status = (error as { statusCode?: unknown }).statusCode;
  return status === 400 || status === 401 || status === 403;
}

/** botbuilder's own fix-up of an incoming activity (CloudAdapter.process does the same): ISO dates become Dates. */
function toActivity(body: Record<string, unknown>): Activity {
  const activity: Record<string, unknown> = { ...body };
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}

/**
 * The CloudAdapter of /api/messages with one change: every request the authentication refuses
 * is answered 401 and the turn never starts. (CloudAdapter.process answers a token with a bad
 * signature with 500 — jsonwebtoken's error escapes unwrapped — which invites the caller to retry.)
 */
export class SamverkansCloudAdapter extends CloudAdapter {
  constructor(
    authentication: ConfigurationBotFrameworkAuthentication,
    private readonly log?: Logger,
  ) {
    super(authentication);
  }

  /**
   * Authenticates and runs one activity. Throws {@link unauthorized} when the token is missing
   * or invalid; other failures before the turn (e.g. signing keys unavailable) are rethrown.
   */
  async processRequest(
    authHeader: string,
    body: Record<string, unknown>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    let turnStarted = false;
    try {
      return await this.processActivity(authHeader, toActivity(body), async (context) => {
        turnStarted = true;
        await logic(context);
      });
    } catch (error) {
      if (!turnStarted && isTokenRejection(error)) {
        // Which check refused it (missing token, signature, audience, expiry…), for whoever operates the bot.
        this.log?.warn('botframework_auth_refused', { reason: error instanceof Error ? error.message.slice(0, 200) : 'okänt', channelId: String(body.channelId ?? '') });
        throw unauthorized();
      }
      throw error;
    }
  }
}

/**
 * Bot Framework authentication from the environment: with MicrosoftAppId set, every request
 * needs a valid token for that app (SingleTenant by default, with MicrosoftAppTenantId); without
 * it the adapter runs unauthenticated — local and emulator mode only.
 */
export function createCloudAdapter(config: Config, log: Logger, hooks: BotFrameworkAuthHooks = {}): SamverkansCloudAdapter {
  const settings: ConfigurationBotFrameworkAuthenticationOptions = hasBotFrameworkCredentials(config)
    ? {
        MicrosoftAppId: config.MicrosoftAppId,
        MicrosoftAppPassword: config.MicrosoftAppPassword,
        MicrosoftAppType: config.MicrosoftAppType,
        MicrosoftAppTenantId: config.MicrosoftAppTenantId,
        ...hooks.settings,
      }
    : {};
  const adapter = new SamverkansCloudAdapter(new ConfigurationBotFrameworkAuthentication(settings, hooks.credentialsFactory), log);
  adapter.use(createBotFrameworkMiddleware({ log }));
  return adapter;
}
