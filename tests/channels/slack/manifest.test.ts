import { readFileSync } from 'node:fs';
import { SLACK_EVENTS_PATH } from '../../../src/channels/slack/receiver.js';

// A text check (no YAML parser among our dependencies): the manifest must point every request URL at
// the route the server installs and ask for what the code uses.
const manifest = readFileSync('slack/manifest.yml', 'utf8');

describe('slack/manifest.yml', () => {
  it('sends events, interactivity and the slash command to /slack/events', () => {
    const urls = [...manifest.matchAll(/^\s*(?:url|request_url): (\S+)$/gm)].map((m) => m[1]);
    expect(urls).toHaveLength(3);
    for (const url of urls) expect(url).toBe(`https://<din-värd>${SLACK_EVENTS_PATH}`);
  });

  it('declares /samverkan, the two events, interactivity and the bot scopes', () => {
    expect(manifest).toMatch(/- command: \/samverkan$/m);
    expect(manifest).toMatch(/bot_events:\n\s+- app_mention\n\s+- message\.im\n/);
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
    for (const scope of ['app_mentions:read', 'chat:write', 'im:history', 'im:read', 'commands', 'channels:history']) {
      expect(manifest).toMatch(new RegExp(`^\\s+- ${scope}$`, 'm'));
    }
    expect(manifest).toMatch(/socket_mode_enabled: false/);
  });
});
