import { ClientError } from '../../http/errors.js';

/**
 * The unauthenticated local mode of /api/messages (no MicrosoftAppId): for Bot Framework Emulator
 * and tests only. Nothing proves who sent an activity, so (issue 15, findings 2 and 4):
 * - only the channels below are accepted: "emulator", and "msteams" for the Teams edge's tests and
 *   `npm run bench`, which drive Teams-shaped activities through this mode;
 * - KANSLI_USERS entries of these channels are not applied ({@link kansliUsersFor}), so nobody can
 *   claim the kansli role by naming a user id;
 * - replies go only to the configured EMULATOR_URL, never to the serviceUrl a sender names (a
 *   port on this machine, or the public Bot Connector when serviceUrl is missing).
 */
export const LOCAL_MODE_CHANNEL_IDS: readonly string[] = ['emulator', 'msteams'];

export interface LocalModeSettings {
  /** The Emulator's serviceUrl (config EMULATOR_URL); unset = no activity is accepted. */
  emulatorUrl?: string;
}

/**
 * The same URL, spelled the same way (a trailing slash aside). Deliberately textual: 127.1,
 * 0x7f000001, [::ffff:127.0.0.1] or LOCALHOST. are other spellings, not the configured URL.
 */
export function isEmulatorUrl(serviceUrl: string | undefined, emulatorUrl: string | undefined): boolean {
  if (serviceUrl === undefined || emulatorUrl === undefined) return false;
  const strip = (url: string): string => url.replace(/\/+$/, '');
  return strip(serviceUrl) === strip(emulatorUrl);
}

/** Why an activity is refused in local mode, or undefined when it may run. */
export function localModeRefusal(activity: { channelId?: string; serviceUrl?: string }, settings: LocalModeSettings): ClientError | undefined {
  if (activity.channelId === undefined || !LOCAL_MODE_CHANNEL_IDS.includes(activity.channelId)) {
    return new ClientError(
      401,
      'Oautentiserat lokalt läge tar bara emot aktiviteter från Bot Framework Emulator (channelId "emulator"). Sätt MicrosoftAppId för att ta emot trafik från Teams och Bot Framework.',
      'unauthenticated_channel',
    );
  }
  if (settings.emulatorUrl === undefined) {
    return new ClientError(
      403,
      'Oautentiserat lokalt läge: EMULATOR_URL är inte satt, så boten svarar ingen. Sätt EMULATOR_URL till Emulatorns adress (aktivitetens serviceUrl).',
      'emulator_url_missing',
    );
  }
  if (!isEmulatorUrl(activity.serviceUrl, settings.emulatorUrl)) {
    return new ClientError(
      403,
      'Oautentiserat lokalt läge: boten svarar bara till adressen i EMULATOR_URL, och aktivitetens serviceUrl är en annan eller saknas. Sätt MicrosoftAppId för att ta emot trafik från Bot Framework.',
      'unauthenticated_remote',
    );
  }
  return undefined;
}

/**
 * The kansli list as the conversation core applies it: without Bot Framework credentials the
 * entries of the local-mode channels are dropped, since any local-mode activity could name them.
 */
export function kansliUsersFor(config: { KANSLI_USERS?: readonly string[]; MicrosoftAppId?: string }): readonly string[] | undefined {
  if (config.MicrosoftAppId !== undefined || config.KANSLI_USERS === undefined) return config.KANSLI_USERS;
  return config.KANSLI_USERS.filter((entry) => !LOCAL_MODE_CHANNEL_IDS.includes(entry.slice(0, entry.indexOf(':'))));
}
