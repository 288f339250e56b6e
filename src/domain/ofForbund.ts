/**
 * The records of one förbund, in their order, once per list and förbund: with many förbund loaded,
 * a rule that looked through every record of every förbund on each turn grew with their number
 * (npm run bench, Dataskala). The lists are data's own (a reload makes new ones); callers must not
 * change what they get.
 */
const cache = new WeakMap<readonly { forbund: string }[], Map<string, readonly { forbund: string }[]>>();

export function ofForbund<T extends { forbund: string }>(records: readonly T[], forbund: string): readonly T[] {
  let byForbund = cache.get(records);
  if (!byForbund) cache.set(records, (byForbund = new Map()));
  let own = byForbund.get(forbund);
  if (!own) byForbund.set(forbund, (own = records.filter((r) => r.forbund === forbund)));
  return own as readonly T[];
}
