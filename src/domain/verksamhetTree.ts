/**
 * Which verksamhet sits under which, from `partOf` in data/verksamheter.json: a torg under the
 * förbund's umbrella of torg, a kommun's team under the teams as a whole.
 */
import type { Verksamhet } from '../data/schema.js';
import { ofForbund } from './ofForbund.js';

type Record = Pick<Verksamhet, 'id' | 'partOf'> & { forbund: string };

/** The verksamheter `id` is part of, nearest first (a cycle in data/ is refused by the loader, and stops here too). */
export function ancestorsOf(verksamheter: readonly Record[], forbund: string, id: string): string[] {
  const out: string[] = [];
  const own = ofForbund(verksamheter, forbund);
  let at = own.find((v) => v.id === id)?.partOf;
  while (at !== undefined && at !== id && !out.includes(at)) {
    out.push(at);
    const current: string = at;
    at = own.find((v) => v.id === current)?.partOf;
  }
  return out;
}

/** The verksamheter directly part of `id`. */
export function partsOf(verksamheter: readonly Record[], forbund: string, id: string): string[] {
  return verksamheter.filter((v) => v.forbund === forbund && v.partOf === id).map((v) => v.id);
}
