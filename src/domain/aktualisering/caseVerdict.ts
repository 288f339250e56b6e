import type { Understanding } from '../../understanding/understand.js';
import type { AktualiseringResult } from './engine.js';
import { namedPaths, type AnswerData } from './answer.js';

/**
 * "Ja"/"Nej" first for a yes/no question about a case's förankring (DESIGN.md, The reply shape),
 * decided by the rules engine's result, never by the reply's wording:
 * - "måste jag förankra (med X) …?" — Ja when a rule that applies says to consult (X), Nej when
 *   none does or it names someone else;
 * - "kan jag skicka direkt / utan att förankra …?" — the other way round;
 * - "ska hen till <path>?" — Ja when that path is open after förankring, Nej when it is not.
 * Nothing is decided while the result still depends on a fact not known, or for a negated question.
 */

/** Words of consulting someone ("kolla m nån på soc", "stämma av med AF", "förankra med FK"). */
const CONSULT = /^(?:kolla\w{0,2}|stamm\w{0,2}|prata\w?|forankr\w{0,4}|samrad\w{0,2}|fraga|ringa|kontakta\w?)$/u;
/** How many words before a party a consulting word may stand ("kolla m nån på soc"). */
const CONSULT_REACH = 5;
const NEGATED = new Set(['inte', 'ej', 'icke', 'aldrig']);

export type CaseVerdict = 'Ja' | 'Nej';

/** The parties and units the question asks to consult: named within reach after a consulting word. */
function askedConsulted(u: Pick<Understanding, 'query'>): string[] {
  const toks = u.query.tokens;
  const out: string[] = [];
  for (const e of u.query.entities) {
    if (e.ref.kind !== 'party' && e.ref.kind !== 'unit') continue;
    const before = toks.slice(Math.max(0, e.start - CONSULT_REACH), e.start);
    if (!before.some((t) => CONSULT.test(t))) continue;
    out.push(e.ref.id);
    if (e.ref.kind === 'unit' && e.ref.party !== undefined) out.push(e.ref.party);
  }
  return out;
}

export function caseVerdict(u: Pick<Understanding, 'form' | 'query'>, result: AktualiseringResult, data: Pick<AnswerData, 'paths'>): CaseVerdict | undefined {
  if (u.form !== 'yesno' || result.forankringNeeded === 'depends') return undefined;
  const toks = u.query.tokens;
  if (toks.some((t) => NEGATED.has(t))) return undefined;
  const needed = result.forankringNeeded === 'yes';
  const consults = toks.some((t) => CONSULT.test(t));
  // "Kan jag skicka direkt?", "utan att förankra", "utan att gå via FK".
  const without = toks.includes('direkt') || toks.some((t, i) => t === 'utan' && toks.slice(i + 1, i + 5).some((w) => CONSULT.test(w) || w === 'via'));
  if (without) return needed ? 'Nej' : 'Ja';
  const asked = askedConsulted(u);
  if (asked.length > 0) return needed && asked.some((id) => result.consulted.includes(id)) ? 'Ja' : 'Nej';
  if (consults) return needed ? 'Ja' : 'Nej';
  const paths = namedPaths(u.query.normalized, data);
  if (paths.length > 0) return paths.some((id) => result.pathIds.includes(id)) ? 'Ja' : 'Nej';
  return undefined;
}
