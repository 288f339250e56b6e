import { dataLoadOptions, parseConfig } from '../../src/config.js';
import { configuredForbund } from '../../src/core/conversationForbund.js';
import { loadData, type AgreementData } from '../../src/data/load.js';
import { parseQuery } from '../../src/domain/entities.js';
import { forbundOf, hasDeploymentDefault, homeForbund, inConversation, namedForbund, searchScope } from '../../src/domain/forbund.js';
import { understand } from '../../src/understanding/understand.js';

let data: AgreementData;
beforeAll(async () => {
  data = await loadData('data');
});

describe('FORBUND_CHANNELS (src/config.ts)', () => {
  test('maps Slack and Teams places and the web chat to förbund ids', () => {
    const config = parseConfig({ FORBUND_CHANNELS: ' slack:T0123=finnveden, slack:C0456=umearegionen,teams:19:abc@thread.tacv2=finnveden,teams:tenant-9=umearegionen,web=finnveden ' });
    expect(config.FORBUND_CHANNELS).toEqual({
      slack: { T0123: 'finnveden', C0456: 'umearegionen' },
      teams: { '19:abc@thread.tacv2': 'finnveden', 'tenant-9': 'umearegionen' },
      web: 'finnveden',
    });
    expect(parseConfig({}).FORBUND_CHANNELS).toBeUndefined();
    expect(parseConfig({ FORBUND_CHANNELS: '' }).FORBUND_CHANNELS).toBeUndefined();
  });

  test('a malformed entry or a place given two förbund is refused, naming the setting and the entry', () => {
    expect(() => parseConfig({ FORBUND_CHANNELS: 'slack:T1=Finnveden' })).toThrow(/FORBUND_CHANNELS: "slack:T1=Finnveden": varje post ska vara slack:/);
    expect(() => parseConfig({ FORBUND_CHANNELS: 'mattermost:X=finnveden' })).toThrow(/FORBUND_CHANNELS: "mattermost:X=finnveden"/);
    expect(() => parseConfig({ FORBUND_CHANNELS: 'slack:=finnveden' })).toThrow(/FORBUND_CHANNELS/);
    expect(() => parseConfig({ FORBUND_CHANNELS: 'web' })).toThrow(/FORBUND_CHANNELS: "web"/);
    expect(() => parseConfig({ FORBUND_CHANNELS: 'slack:T1=finnveden,slack:T1=umearegionen' })).toThrow(/"slack:T1=umearegionen": slack:T1 har redan förbundet finnveden/);
    // The same entry twice is no conflict.
    expect(parseConfig({ FORBUND_CHANNELS: 'web=finnveden,web=finnveden' }).FORBUND_CHANNELS?.web).toBe('finnveden');
  });

  test('a förbund data/ does not have stops the load (start-up) with the setting named', async () => {
    const options = dataLoadOptions(parseConfig({ FORBUND_CHANNELS: 'slack:T1=finnveden,teams:tenant-1=okant' }));
    await expect(loadData('data', options)).rejects.toThrow(/FORBUND_CHANNELS \(teams:tenant-1=okant\): förbundet "okant" finns inte i data \(kända: finnveden, umearegionen\)/);
    await expect(loadData('data', dataLoadOptions(parseConfig({ FORBUND_CHANNELS: 'slack:T1=finnveden,web=umearegionen' })))).resolves.toBeDefined();
  });
});

describe('configuredForbund (src/core/conversationForbund.ts)', () => {
  const channels = parseConfig({ FORBUND_CHANNELS: 'slack:T1=ws,slack:C2=kanal,teams:tenant-1=tenant,teams:19:team@thread.tacv2=team,teams:19:ch@thread.tacv2=tkanal,web=webb' }).FORBUND_CHANNELS;

  test('Slack: the channel before the workspace; an unlisted place has none', () => {
    expect(configuredForbund({ channelId: 'slack', channelData: { team: 'T1', channel: 'C2' } }, channels)).toBe('kanal');
    expect(configuredForbund({ channelId: 'slack', channelData: { team: 'T1', channel: 'C9' } }, channels)).toBe('ws');
    expect(configuredForbund({ channelId: 'slack', channelData: { team: 'T9', channel: 'C9' } }, channels)).toBeUndefined();
  });

  test('Teams: the channel, then the team, then the tenant', () => {
    const teams = (channelData: Record<string, unknown>) => configuredForbund({ channelId: 'msteams', channelData }, channels);
    expect(teams({ tenant: { id: 'tenant-1' }, team: { id: '19:team@thread.tacv2' }, channel: { id: '19:ch@thread.tacv2' } })).toBe('tkanal');
    expect(teams({ tenant: { id: 'tenant-1' }, team: { id: '19:team@thread.tacv2' }, channel: { id: '19:other@thread.tacv2' } })).toBe('team');
    expect(teams({ tenant: { id: 'tenant-1' } })).toBe('tenant');
    expect(configuredForbund({ channelId: 'msteams', conversation: { id: 'a', tenantId: 'tenant-1' } as never }, channels)).toBe('tenant');
    expect(teams({ tenant: { id: 'tenant-2' } })).toBeUndefined();
  });

  test('web chat and CLI: the förbund their edge passed, else (web) the web= setting; other channels cannot pass one', () => {
    expect(configuredForbund({ channelId: 'web', channelData: { forbund: 'fran-sidan' } }, channels)).toBe('fran-sidan');
    expect(configuredForbund({ channelId: 'web', channelData: {} }, channels)).toBe('webb');
    expect(configuredForbund({ channelId: 'cli', channelData: { forbund: 'flaggan' } }, channels)).toBe('flaggan');
    expect(configuredForbund({ channelId: 'cli', channelData: {} }, channels)).toBeUndefined();
    expect(configuredForbund({ channelId: 'emulator', channelData: { forbund: 'x' } }, channels)).toBeUndefined();
    expect(configuredForbund({ channelId: 'slack', channelData: { forbund: 'x', team: 'T9' } }, channels)).toBeUndefined();
    expect(configuredForbund({ channelId: 'web' }, undefined)).toBeUndefined();
  });
});

describe('forbundOf precedence (src/domain/forbund.ts)', () => {
  const q = (text: string, conversation?: string) => inConversation(parseQuery(data, text), conversation);

  test('nothing named, no conversation förbund: the deployment default (Umeåregionen, default: true in data/)', () => {
    expect(hasDeploymentDefault(data)).toBe(true);
    expect(forbundOf(data, q('Vem kontaktar jag på psykiatrin?'))).toBe('umearegionen');
    expect(namedForbund(data, q('Vem kontaktar jag på psykiatrin?'))).toBeUndefined();
  });

  test("nothing named: the conversation's förbund goes before the default", () => {
    expect(forbundOf(data, q('Vem kontaktar jag på psykiatrin?', 'finnveden'))).toBe('finnveden');
    expect(homeForbund(data, q('x', 'finnveden'))).toBe('finnveden');
    // An id data/ does not have is no conversation förbund.
    expect(forbundOf(data, q('Vem kontaktar jag på psykiatrin?', 'okant'))).toBe('umearegionen');
  });

  test("a förbund the question names wins over the conversation's: by name, municipality or verksamhet", () => {
    expect(forbundOf(data, q('Vem kontaktar jag på psykiatrin i Umeåregionen?', 'finnveden'))).toBe('umearegionen');
    expect(forbundOf(data, q('Vem kontaktar jag i Vuxentorget?', 'finnveden'))).toBe('umearegionen');
    expect(forbundOf(data, q('Vem är kontaktperson i Gnosjö?', 'umearegionen'))).toBe('finnveden');
    expect(forbundOf(data, q('Vem är kontaktperson i Gnosjö?'))).toBe('finnveden');
  });

  test('the understanding carries both: the conversation förbund and the förbund decided for the question', () => {
    const u = understand(data, 'Vem kontaktar jag på psykiatrin?', new Date('2026-11-23T12:00:00Z'), 'finnveden');
    expect(u.query.conversationForbund).toBe('finnveden');
    expect(u.forbund).toBe('finnveden');
    expect(understand(data, 'Vem kontaktar jag på psykiatrin?', new Date('2026-11-23T12:00:00Z')).forbund).toBe('umearegionen');
    // The memoised parse is not changed by a conversation's förbund.
    expect(parseQuery(data, 'x')).not.toHaveProperty('conversationForbund');
  });

  test("search answers from every förbund without a conversation förbund, else from the question's förbund", () => {
    expect(searchScope(data, q('SUS-rapportering'))).toBeUndefined();
    expect(searchScope(data, q('SUS-rapportering', 'umearegionen'))).toEqual(['umearegionen']);
    expect(searchScope(data, q('Vuxentorget', 'finnveden'))).toEqual(['umearegionen']);
  });

  test('a question that names one förbund\'s verksamhet or member municipality is searched in that förbund only', () => {
    expect(searchScope(data, q('hur länge får en deltagare vara inskriven på vuxentorget'))).toEqual(['umearegionen']);
    expect(searchScope(data, q('inskrivningstid i samverkansteam finnveden'))).toEqual(['finnveden']);
    expect(searchScope(data, q('inskrivningstid för en person i Värnamo'))).toEqual(['finnveden']);
    // A party every förbund has names none.
    expect(searchScope(data, q('vad gör Försäkringskassan'))).toBeUndefined();
  });
});
