import { PassThrough } from 'node:stream';
import { createConsoleChannel } from '../../src/delivery/consoleChannel.js';
import { RecordingChannel } from '../../src/delivery/recordingChannel.js';
import { createDeliveryRegistry, deliver, lookupDelivery } from '../../src/delivery/types.js';

test('the web/CLI channel writes the plain-text reply with target and key, and cannot look up', async () => {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  const registry = createDeliveryRegistry([createConsoleChannel(out)]);
  const target = { kind: 'web' as const, conversationId: 'c1' };
  expect(await deliver(registry, target, { text: 'Påminnelse', sources: [{ doc: 'd', section: 's', title: 'Titel' }] }, { idempotencyKey: 'k1' })).toEqual({ status: 'sent' });
  expect(chunks.join('')).toContain('--- till web:c1 [k1]\nPåminnelse');
  expect(chunks.join('')).toContain('Källa: Titel, s');
  expect(await lookupDelivery(registry, target, 'k1')).toBe('unknown');
});

test('a kind without a registered channel is dead; the recording fake answers lookup from what it delivered', async () => {
  const slack = new RecordingChannel('slack');
  const registry = createDeliveryRegistry([slack]);
  expect(await deliver(registry, { kind: 'web', conversationId: 'x' }, { text: 'a' }, { idempotencyKey: 'k' })).toMatchObject({ status: 'dead' });
  const target = { kind: 'slack' as const, channelId: 'C1' };
  expect(await lookupDelivery(registry, target, 'k2')).toBe('not-sent');
  await deliver(registry, target, { text: 'b' }, { idempotencyKey: 'k2' });
  expect(await lookupDelivery(registry, target, 'k2')).toBe('sent');
  expect(slack.counts().get('k2')).toBe(1);
});
