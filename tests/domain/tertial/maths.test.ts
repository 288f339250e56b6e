import {
  budgetUse, change, compareToGoal, endReasonShares, formatChange, genderShares, share, targetPercent,
} from '../../../src/domain/tertial/maths.js';
import { lastEndedTertial, periodLabel, previousTertial, sameTertialLastYear, tertialOf } from '../../../src/domain/tertial/period.js';
import { participantsSchema } from '../../../src/state/tertialReports.js';

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('tertial periods (T1 jan–apr, T2 maj–aug, T3 sep–dec)', () => {
  it.each([
    ['2023-01-01', 'T1'], ['2023-04-30', 'T1'], ['2023-05-01', 'T2'], ['2023-08-31', 'T2'], ['2023-09-01', 'T3'], ['2023-12-31', 'T3'],
  ])('%s is in %s', (day, t) => {
    expect(tertialOf(at(day))).toEqual({ year: 2023, tertial: t });
  });

  it('previous tertial wraps to T3 of the year before; same tertial last year', () => {
    expect(previousTertial({ year: 2023, tertial: 'T1' })).toEqual({ year: 2022, tertial: 'T3' });
    expect(previousTertial({ year: 2023, tertial: 'T3' })).toEqual({ year: 2023, tertial: 'T2' });
    expect(sameTertialLastYear({ year: 2023, tertial: 'T2' })).toEqual({ year: 2022, tertial: 'T2' });
    expect(lastEndedTertial(at('2023-10-02'))).toEqual({ year: 2023, tertial: 'T2' });
    expect(periodLabel({ year: 2023, tertial: 'T2' })).toBe('T2 2023 (maj–aug)');
  });
});

describe('changes, shares, budget use and goals', () => {
  it('change: difference and percent; none from 0 or a missing value', () => {
    expect(change(92, 95)).toEqual({ from: 92, to: 95, diff: 3, percent: 3.3 });
    expect(change(20, 15)).toEqual({ from: 20, to: 15, diff: -5, percent: -25 });
    expect(change(0, 4)).toEqual({ from: 0, to: 4, diff: 4 });
    expect(change(undefined, 4)).toBeUndefined();
    expect(formatChange({ from: 20, to: 15, diff: -5, percent: -25 })).toBe('−5 (−25 %)');
    expect(formatChange({ from: 1, to: 1, diff: 0, percent: 0 })).toBe('±0 (±0 %)');
  });

  it('shares of end reasons and of women/men', () => {
    const p = participantsSchema.parse({ current: 95, new: 24, ended: 21, endReasons: { arbete: 8, studier: 2 }, women: 52, men: 43 });
    expect(share(8, 21)).toBe(38.1);
    expect(share(1, 0)).toBeUndefined();
    expect(endReasonShares(p)).toEqual([{ reason: 'arbete', count: 8, percent: 38.1 }, { reason: 'studier', count: 2, percent: 9.5 }]);
    expect(genderShares(p)).toEqual({ women: 54.7, men: 45.3 });
  });

  it('budget use: outcome minus budget and share used', () => {
    expect(budgetUse(730, 755)).toEqual({ diff: 25, percentUsed: 103.4 });
    expect(budgetUse(1016, 990)).toEqual({ diff: -26, percentUsed: 97.4 });
    expect(budgetUse(undefined, 990)).toBeUndefined();
  });

  it('reads percentage targets as the agreements state them and compares results', () => {
    expect(targetPercent('50%')).toBe(50);
    expect(targetPercent('minst 75 %')).toBe(75);
    expect(targetPercent('100–110 platser per år')).toBeUndefined();
    expect(compareToGoal(55, 50)).toEqual({ targetPercent: 50, resultPercent: 55, met: true, gap: 5 });
    expect(compareToGoal(83, 85)).toEqual({ targetPercent: 85, resultPercent: 83, met: false, gap: -2 });
    expect(compareToGoal(75, 75).met).toBe(true);
  });
});
