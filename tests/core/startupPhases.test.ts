import { describe, expect, test } from '@jest/globals';
import { createStartupRecorder, phasesFromFields } from '../../src/core/startupPhases.js';

describe('start-up split', () => {
  test('marks become flat log fields that read back in time order', () => {
    let now = 100;
    let heap = 10 * 1024 * 1024;
    const recorder = createStartupRecorder(
      () => now,
      () => ({ rss: 2 * heap, heapUsed: heap, heapTotal: heap, external: 0, arrayBuffers: 0 }),
    );
    recorder.mark('modules');
    now = 250;
    heap *= 2;
    recorder.mark('data');
    now = 240.04;
    recorder.mark('listening');
    const fields = recorder.fields();
    expect(fields).toMatchObject({ modulesMs: 100, modulesHeapMb: 10, modulesRssMb: 20, dataMs: 250, dataHeapMb: 20 });
    const line = JSON.parse(JSON.stringify({ time: 'x', level: 'info', event: 'startup_phases', ...fields })) as Record<string, unknown>;
    expect(phasesFromFields(line).map((p) => p.phase)).toEqual(['modules', 'listening', 'data']);
    expect(phasesFromFields(line)[1]).toEqual({ phase: 'listening', ms: 240, rssMb: 40, heapMb: 20 });
  });
});
