import { z } from 'zod';
import { LOG_LEVELS } from './core/log.js';
import type { LoadOptions } from './data/load.js';

/** An unset variable and an empty one (`PORT=` in a .env file) mean the same: use the default. */
const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());
const withDefault = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema);

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('sv-SE', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const FORBUND_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FORBUND_ENTRY = /^(?:(slack|teams):([^\s=,]+)|(web))=([^\s=,]*)$/;
const FORBUND_CHANNELS_HINT = 'varje post ska vara slack:<arbetsyta eller kanal>=<förbund>, teams:<tenant, team eller kanal>=<förbund> eller web=<förbund>, t.ex. slack:T0123ABCD=finnveden,web=umearegionen';

/**
 * FORBUND_CHANNELS: which förbund a conversation belongs to, by where it happens. Comma-separated
 * `slack:<id>=<förbund>` (a workspace's team id T… or a channel id C…/G…/D…), `teams:<id>=<förbund>`
 * (a tenant id, a team id or a channel id) and `web=<förbund>` (the web chat; its page's
 * `?forbund=` goes first). The most specific place wins: a channel before its team/workspace
 * before its tenant. Whether each förbund exists is checked against data/ at start-up.
 */
const forbundChannelsSchema = z
  .string()
  .transform((value, ctx) => {
    const out: { slack: Record<string, string>; teams: Record<string, string>; web?: string } = { slack: {}, teams: {} };
    for (const raw of value.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
      const m = FORBUND_ENTRY.exec(raw);
      const forbund = m?.[4] ?? '';
      if (!m || !FORBUND_ID.test(forbund)) {
        ctx.addIssue({ code: 'custom', message: `"${raw}": ${FORBUND_CHANNELS_HINT}` });
        continue;
      }
      const kind = m[1] as 'slack' | 'teams' | undefined;
      const id = m[2] ?? '';
      const before = kind === undefined ? out.web : out[kind][id];
      if (before !== undefined && before !== forbund) {
        ctx.addIssue({ code: 'custom', message: `"${raw}": ${kind === undefined ? 'web' : `${kind}:${id}`} har redan förbundet ${before}` });
        continue;
      }
      if (kind === undefined) out.web = forbund;
      else out[kind][id] = forbund;
    }
    return out;
  });
export type ForbundChannels = z.output<typeof forbundChannelsSchema>;

/** Each place FORBUND_CHANNELS names with its förbund, as written (`slack:T0123=finnveden`), for messages. */
export function forbundChannelEntries(channels: ForbundChannels | undefined): { setting: string; forbund: string }[] {
  if (channels === undefined) return [];
  return [
    ...Object.entries(channels.slack).map(([id, forbund]) => ({ setting: `slack:${id}=${forbund}`, forbund })),
    ...Object.entries(channels.teams).map(([id, forbund]) => ({ setting: `teams:${id}=${forbund}`, forbund })),
    ...(channels.web === undefined ? [] : [{ setting: `web=${channels.web}`, forbund: channels.web }]),
  ];
}

const configSchema = z.object({
  PORT: withDefault(
    z.coerce
      .number({ error: 'måste vara ett heltal 0–65535' })
      .int({ error: 'måste vara ett heltal 0–65535' })
      .min(0, { error: 'måste vara ett heltal 0–65535' })
      .max(65535, { error: 'måste vara ett heltal 0–65535' })
      .default(3978),
  ),
  /**
   * The address the server listens on. 127.0.0.1 by default: the local mode of /api/messages and
   * the web chat need no credentials, so reaching them from elsewhere is a choice (HOST=0.0.0.0,
   * or a reverse proxy on this machine).
   */
  HOST: withDefault(
    z.string().regex(/^[A-Za-z0-9.:-]+$/, { error: 'måste vara en IP-adress eller ett värdnamn, t.ex. 127.0.0.1 eller 0.0.0.0' }).default('127.0.0.1'),
  ),
  DATA_DIR: withDefault(z.string().default('data')),
  /**
   * The förbund a question is about when it does not say (a förbund id, a folder under DATA_DIR).
   * Unset: the förbund marked `default: true` in data/. An unknown id stops start-up.
   */
  DEFAULT_FORBUND: withDefault(z.string().regex(FORBUND_ID, { error: 'måste vara ett förbunds id, t.ex. mappnamnet under data/' }).optional()),
  FORBUND_CHANNELS: withDefault(forbundChannelsSchema.optional()),
  STATE_FILE: withDefault(z.string().default('state/state.json')),
  TZ: withDefault(
    z.string().refine(isTimeZone, { error: 'måste vara en IANA-tidszon, t.ex. Europe/Stockholm' }).default('Europe/Stockholm'),
  ),
  /**
   * Days that conversation and dialog state of an idle conversation is kept. An abandoned dialog
   * can hold case facts (age, benefits); they are removed at the latest this long after the last turn.
   */
  STATE_RETENTION_DAYS: withDefault(
    z.coerce
      .number({ error: 'måste vara ett heltal 1–3650' })
      .int({ error: 'måste vara ett heltal 1–3650' })
      .min(1, { error: 'måste vara ett heltal 1–3650' })
      .max(3650, { error: 'måste vara ett heltal 1–3650' })
      .default(30),
  ),
  /**
   * Conversations of the web chat (no login, so anyone can start them) kept in the state; the
   * oldest are removed first when a new one would go past the cap.
   */
  STATE_MAX_ANONYMOUS_CONVERSATIONS: withDefault(
    z.coerce
      .number({ error: 'måste vara ett heltal 10–10000000' })
      .int({ error: 'måste vara ett heltal 10–10000000' })
      .min(10, { error: 'måste vara ett heltal 10–10000000' })
      .max(10_000_000, { error: 'måste vara ett heltal 10–10000000' })
      .default(10_000),
  ),
  LOG_LEVEL: withDefault(z.enum(LOG_LEVELS, { error: `måste vara en av ${LOG_LEVELS.join(', ')}` }).default('info')),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppTenantId: optionalText,
  MicrosoftAppType: withDefault(
    z
      .enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI'], {
        error: 'måste vara SingleTenant, MultiTenant eller UserAssignedMSI',
      })
      .default('SingleTenant'),
  ),
  /**
   * Without MicrosoftAppId: the Bot Framework Emulator's serviceUrl (its log shows the port), the
   * one address local-mode replies go to. Unset: local mode answers no activity.
   */
  EMULATOR_URL: withDefault(
    z.url({ protocol: /^https?$/, error: 'måste vara en http(s)-adress, t.ex. http://localhost:52885' }).optional(),
  ),
  /**
   * Per-client limit (remote address) on POST /chat and, without MicrosoftAppId, POST /api/messages:
   * requests per minute in the long run (0 = no limit) and how many may come at once.
   */
  RATE_LIMIT_PER_MINUTE: withDefault(
    z.coerce
      .number({ error: 'måste vara ett heltal 0–100000 (0 = ingen gräns)' })
      .int({ error: 'måste vara ett heltal 0–100000 (0 = ingen gräns)' })
      .min(0, { error: 'måste vara ett heltal 0–100000 (0 = ingen gräns)' })
      .max(100_000, { error: 'måste vara ett heltal 0–100000 (0 = ingen gräns)' })
      .default(60),
  ),
  RATE_LIMIT_BURST: withDefault(
    z.coerce
      .number({ error: 'måste vara ett heltal 1–10000' })
      .int({ error: 'måste vara ett heltal 1–10000' })
      .min(1, { error: 'måste vara ett heltal 1–10000' })
      .max(10_000, { error: 'måste vara ett heltal 1–10000' })
      .default(20),
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText,
  SLACK_API_URL: withDefault(z.url({ error: 'måste vara en http(s)-adress, t.ex. https://slack.com/api/' }).optional()),
  /**
   * Who has the kansli role (may import through chat, add calendar items and post summaries):
   * a comma-separated list of `kanal:användar-id` as the channel reports them, e.g.
   * `KANSLI_USERS=msteams:29:1AbC…,slack:U0123ABC,web:anna`. Configuration only — no chat
   * message can grant the role. Empty or unset: nobody is kansli in chat (the CLI import still works).
   */
  KANSLI_USERS: withDefault(
    z
      .string()
      .transform((v) => v.split(',').map((s) => s.trim()).filter((s) => s !== ''))
      .pipe(z.array(z.string().regex(/^[a-z0-9_-]+:\S+$/i, { error: 'varje post ska vara kanal:användar-id, t.ex. slack:U0123ABC eller msteams:29:1abc' })))
      .optional(),
  ),
  /**
   * Whether a user may change a channel's reminder subscriptions when the request does not show
   * that the user is in that channel (src/core/membership.ts). Off by default: only turns our
   * edges verified (signed Slack, authenticated Teams, the user's own web chat) may. The kansli
   * group is kansli-only whatever this says.
   */
  SUBSCRIBE_ANY_CHANNEL: withDefault(
    z.enum(['true', 'false'], { error: 'måste vara true eller false' }).default('false').transform((v) => v === 'true'),
  ),
});

export type Config = z.infer<typeof configSchema>;

/** Variables whose values are secrets: a problem with them is reported without the value. */
const SECRET_KEYS = new Set(['MicrosoftAppPassword', 'SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN']);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Ogiltig konfiguration (${problems.length} fel):\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function isSet(env: Env, key: string): boolean {
  return (env[key] ?? '') !== '';
}

/** Rules that tie variables together; checked even when single values are wrong so all problems show at once. */
function crossFieldProblems(env: Env): string[] {
  const problems: string[] = [];
  if (isSet(env, 'MicrosoftAppPassword') && !isSet(env, 'MicrosoftAppId')) {
    problems.push('MicrosoftAppPassword: är satt men MicrosoftAppId saknas');
  }
  const appType = isSet(env, 'MicrosoftAppType') ? env.MicrosoftAppType : 'SingleTenant';
  if (isSet(env, 'MicrosoftAppId') && appType === 'SingleTenant' && !isSet(env, 'MicrosoftAppTenantId')) {
    problems.push('MicrosoftAppTenantId: krävs när MicrosoftAppId är satt och MicrosoftAppType är SingleTenant');
  }
  if (isSet(env, 'MicrosoftAppId') && appType !== 'UserAssignedMSI' && !isSet(env, 'MicrosoftAppPassword')) {
    problems.push('MicrosoftAppPassword: krävs när MicrosoftAppId är satt');
  }
  if (isSet(env, 'SLACK_BOT_TOKEN') !== isSet(env, 'SLACK_SIGNING_SECRET')) {
    problems.push('SLACK_BOT_TOKEN och SLACK_SIGNING_SECRET: ange båda eller ingen av dem');
  }
  return problems;
}

/**
 * Parses the configuration from the environment, once at start-up. Throws a {@link ConfigError}
 * listing every problem (in Swedish) rather than stopping at the first.
 */
export function parseConfig(env: Env = process.env): Config {
  const parsed = configSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      const shown = SECRET_KEYS.has(key) || env[key] === undefined ? '' : ` (värdet var "${env[key]}")`;
      problems.push(`${key}: ${issue.message}${shown}`);
    }
  }
  problems.push(...crossFieldProblems(env));
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  return parsed.data;
}

/** True when Bot Framework credentials are configured (else /api/messages runs unauthenticated). */
export function hasBotFrameworkCredentials(config: Config): boolean {
  return config.MicrosoftAppId !== undefined;
}

/** True when Slack is configured. */
export function hasSlack(config: Config): boolean {
  return config.SLACK_BOT_TOKEN !== undefined && config.SLACK_SIGNING_SECRET !== undefined;
}

/** How this configuration reads data/: the default förbund, and the förbund FORBUND_CHANNELS names (each must exist). */
export function dataLoadOptions(config: Pick<Config, 'DEFAULT_FORBUND' | 'FORBUND_CHANNELS'>): LoadOptions {
  return { defaultForbund: config.DEFAULT_FORBUND, configuredForbund: forbundChannelEntries(config.FORBUND_CHANNELS) };
}
