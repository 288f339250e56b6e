import { describe, expect, test } from '@jest/globals';
import { ConfigError, hasBotFrameworkCredentials, hasSlack, parseConfig } from '../src/config.js';

describe('parseConfig', () => {
  test('defaults for an empty environment', () => {
    expect(parseConfig({})).toEqual({
      PORT: 3978,
      HOST: '127.0.0.1',
      DATA_DIR: 'data',
      STATE_FILE: 'state/state.json',
      STATE_RETENTION_DAYS: 30,
      STATE_MAX_ANONYMOUS_CONVERSATIONS: 10_000,
      TZ: 'Europe/Stockholm',
      LOG_LEVEL: 'info',
      MicrosoftAppType: 'SingleTenant',
      SUBSCRIBE_ANY_CHANNEL: false,
      RATE_LIMIT_PER_MINUTE: 60,
      RATE_LIMIT_BURST: 20,
    });
  });

  test('DEFAULT_FORBUND names a förbund id; anything else is refused', () => {
    expect(parseConfig({ DEFAULT_FORBUND: 'finnveden' }).DEFAULT_FORBUND).toBe('finnveden');
    expect(parseConfig({ DEFAULT_FORBUND: '' }).DEFAULT_FORBUND).toBeUndefined();
    expect(() => parseConfig({ DEFAULT_FORBUND: 'Umeå region' })).toThrow(/DEFAULT_FORBUND: måste vara ett förbunds id/);
  });


  test('HOST and EMULATOR_URL (issue 15, finding 4)', () => {
    expect(parseConfig({ HOST: '0.0.0.0', EMULATOR_URL: 'http://localhost:52885' })).toMatchObject({ HOST: '0.0.0.0', EMULATOR_URL: 'http://localhost:52885' });
    expect(parseConfig({ HOST: '' }).HOST).toBe('127.0.0.1');
    expect(parseConfig({}).EMULATOR_URL).toBeUndefined();
    expect(() => parseConfig({ EMULATOR_URL: 'file:///etc/passwd' })).toThrow(/EMULATOR_URL: måste vara en http\(s\)-adress/);
    expect(() => parseConfig({ HOST: 'http://0.0.0.0/' })).toThrow(/HOST: måste vara en IP-adress eller ett värdnamn/);
  });

  test('an empty variable means the default', () => {
    expect(parseConfig({ PORT: '', LOG_LEVEL: '' })).toMatchObject({ PORT: 3978, LOG_LEVEL: 'info' });
  });

  test('reads every variable', () => {
    const config = parseConfig({
      PORT: '8080',
      DATA_DIR: '/srv/data',
      STATE_FILE: '/srv/state.json',
      TZ: 'UTC',
      LOG_LEVEL: 'debug',
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'pw',
      MicrosoftAppTenantId: 'tenant',
      SLACK_SIGNING_SECRET: 'sig',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_API_URL: 'http://127.0.0.1:9999/api/',
    });
    expect(config).toMatchObject({ PORT: 8080, TZ: 'UTC', MicrosoftAppType: 'SingleTenant', SLACK_API_URL: 'http://127.0.0.1:9999/api/' });
    expect(hasBotFrameworkCredentials(config)).toBe(true);
    expect(hasSlack(config)).toBe(true);
    expect(hasSlack(parseConfig({}))).toBe(false);
  });

  test('lists every problem at once, in Swedish, without secret values', () => {
    let error: unknown;
    try {
      parseConfig({
        PORT: 'abc',
        TZ: 'Mars/Olympus',
        LOG_LEVEL: 'loud',
        MicrosoftAppType: 'Whatever',
        SLACK_API_URL: 'not a url',
        SLACK_BOT_TOKEN: 'xoxb-secret-token',
        MicrosoftAppPassword: 'hunter2',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems).toHaveLength(7);
    expect(message).toContain('Ogiltig konfiguration (7 fel)');
    for (const key of ['PORT:', 'TZ:', 'LOG_LEVEL:', 'MicrosoftAppType:', 'SLACK_API_URL:', 'MicrosoftAppPassword:', 'SLACK_BOT_TOKEN och SLACK_SIGNING_SECRET']) {
      expect(message).toContain(key);
    }
    expect(message).toContain('måste vara ett heltal 0–65535 (värdet var "abc")');
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('xoxb-secret-token');
  });

  test.each([['-1'], ['65536'], ['3.5']])('PORT %s is rejected', (port) => {
    expect(() => parseConfig({ PORT: port })).toThrow(/PORT: måste vara ett heltal/);
  });

  test('a single-tenant Bot Framework app needs its tenant and password', () => {
    expect(() => parseConfig({ MicrosoftAppId: 'app' })).toThrow(/MicrosoftAppTenantId: krävs[\s\S]*MicrosoftAppPassword: krävs/);
  });
});
