import { parseConfig, ConfigError } from '../../src/config.js';
import { KANSLI_ONLY_TEXT, isKansli, userKey } from '../../src/core/roles.js';

describe('kansli role from configuration', () => {
  it('KANSLI_USERS is a comma list of channel:userId', () => {
    expect(parseConfig({ KANSLI_USERS: 'slack:U0123, msteams:29:1AbC ,web:anna' }).KANSLI_USERS).toEqual(['slack:U0123', 'msteams:29:1AbC', 'web:anna']);
    expect(parseConfig({}).KANSLI_USERS).toBeUndefined();
    expect(parseConfig({ KANSLI_USERS: '' }).KANSLI_USERS).toBeUndefined();
  });

  it('rejects an entry without a channel, in Swedish', () => {
    expect(() => parseConfig({ KANSLI_USERS: 'anna' })).toThrow(ConfigError);
    expect(() => parseConfig({ KANSLI_USERS: 'anna' })).toThrow(/KANSLI_USERS: varje post ska vara kanal:användar-id/);
  });

  it('isKansli matches channel and user exactly', () => {
    const deps = { kansliUsers: ['slack:U0123', 'msteams:29:1AbC'] };
    expect(userKey('slack', 'U0123')).toBe('slack:U0123');
    expect(isKansli(deps, 'slack', 'U0123')).toBe(true);
    expect(isKansli(deps, 'msteams', '29:1AbC')).toBe(true);
    expect(isKansli(deps, 'web', 'U0123')).toBe(false);
    expect(isKansli(deps, 'slack', 'U01234')).toBe(false);
    expect(isKansli(deps, 'slack', undefined)).toBe(false);
    expect(isKansli({}, 'slack', 'U0123')).toBe(false);
    expect(KANSLI_ONLY_TEXT).toMatch(/bara kansliet/);
  });
});
