import { describe, expect, test } from '@jest/globals';
import { createLogger, createMemoryLogger } from '../../src/core/log.js';

describe('logger', () => {
  test('writes one JSON line per event with level, event and fields', () => {
    const { logger, lines } = createMemoryLogger('info');
    logger.child({ channel: 'web' }).info('turn', { conversationId: 'c1', replies: 2 });
    logger.debug('hidden');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 'info', event: 'turn', channel: 'web', conversationId: 'c1', replies: 2 });
  });

  test('respects the level', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', write: (l) => lines.push(l) });
    logger.info('no');
    logger.warn('yes');
    logger.error('also', {}, new TypeError('boom'));
    expect(lines.map((l) => JSON.parse(l).event)).toEqual(['yes', 'also']);
    expect(JSON.parse(lines[1] ?? '')).toMatchObject({ errorName: 'TypeError', errorMessage: 'boom' });
  });

  test('never writes message text: text-like fields are dropped and personnummer redacted', () => {
    const { logger, lines } = createMemoryLogger();
    logger.info('oops', { text: 'hemlig fråga', message: 'hemligt', conversationId: 'c1' });
    logger.error('failed', {}, new Error('could not parse 811218-9876'));
    const all = lines.join('\n');
    expect(all).not.toContain('hemlig');
    expect(all).not.toContain('811218-9876');
    expect(all).toContain('c1');
  });
});
