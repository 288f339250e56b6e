import type { AgreementData } from '../data/load.js';
import type { ImportContext } from '../domain/tertial/importRows.js';

/** What a tertial import may refer to, from data/: förbund, verksamheter and each verksamhet's measurable goals. */
export function importContextFromData(data: Pick<AgreementData, 'forbund' | 'verksamheter' | 'agreements'>): ImportContext {
  const goals: ImportContext['goals'][number][] = [];
  const seen = new Set<string>();
  for (const a of data.agreements) {
    for (const v of a.verksamheter) {
      for (const g of a.goals) {
        const key = `${a.forbund}/${v}/${g.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        goals.push({ forbund: a.forbund, verksamhet: v, id: g.id, text: g.text, target: g.target });
      }
    }
  }
  return {
    forbund: data.forbund.map((f) => ({ id: f.id, name: f.name, aliases: f.aliases })),
    verksamheter: data.verksamheter.map((v) => ({ id: v.id, forbund: v.forbund, name: v.name, aliases: v.aliases })),
    goals,
  };
}
