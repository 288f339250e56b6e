/** The clock is injected everywhere; domain and dialog code never call `new Date()` themselves. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock fixed at noon (UTC) of the given ISO day, as `--today YYYY-MM-DD` sets it. */
export function fixedDayClock(isoDay: string): Clock {
  const at = new Date(`${isoDay}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) throw new Error(`Ogiltigt datum: ${isoDay} (väntade ÅÅÅÅ-MM-DD)`);
  return () => new Date(at.getTime());
}
