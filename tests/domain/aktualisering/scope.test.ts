import { beforeAll, describe, expect, test } from '@jest/globals';
import { loadData, type AgreementData } from '../../../src/data/load.js';
import { completeData } from '../../../src/domain/answers/common.js';
import { verksamhetScope } from '../../../src/domain/aktualisering/scope.js';

let data: AgreementData;
beforeAll(async () => {
  data = completeData(await loadData('data'));
});

/** A verksamhet of data/ with a period that has ended, and one the individprocesser's paths lead to. */
function ended(): { forbund: string; id: string; to: string } | undefined {
  const v = data.verksamheter.find((x) => x.period?.to !== undefined);
  return v === undefined || v.period?.to === undefined ? undefined : { forbund: v.forbund, id: v.id, to: v.period.to };
}

describe('verksamhetScope: what the aktualisering rules cover for the verksamhet a question names', () => {
  test('a verksamhet whose period has ended is said to have ended, with the date, before its own words on referral', () => {
    const v = ended();
    expect(v).toBeDefined();
    if (v === undefined) return;
    const after = `${String(Number(v.to.slice(0, 4)) + 1)}-06-01`;
    const note = verksamhetScope(data, v.forbund, v.id, after);
    expect(note?.text).toContain(v.to);
    expect(note?.sources.length).toBeGreaterThan(0);
    // Before the period ended, nothing is said about its end.
    expect(verksamhetScope(data, v.forbund, v.id, v.to.replace(/^\d{4}/u, (y) => String(Number(y) - 1)))?.text ?? '').not.toContain(v.to);
  });

  test('a verksamhet the individprocesser lead to (or a part of one) gets no note', () => {
    const target = data.paths.find((p) => p.verksamhet !== undefined && data.individprocesser.some((i) => i.forbund === p.forbund && i.paths.includes(p.id)));
    expect(target).toBeDefined();
    if (target?.verksamhet === undefined) return;
    expect(verksamhetScope(data, target.forbund, target.verksamhet, '2026-12-03')).toBeUndefined();
    const part = data.verksamheter.find((v) => v.forbund === target.forbund && v.partOf === target.verksamhet && v.period?.to === undefined);
    if (part !== undefined) expect(verksamhetScope(data, part.forbund, part.id, '2026-12-03')).toBeUndefined();
  });

  test('no verksamhet named, no note', () => {
    expect(verksamhetScope(data, data.forbund[0]?.id ?? '', undefined, '2026-12-03')).toBeUndefined();
  });
});
