/**
 * "Not stated", said plainly, when an answer was built but does not answer the question as asked
 * (src/domain/routing/answersQuestion.ts): "Hur mycket får en ledamot i arvode per möte?" has a
 * budget row with the board's fees in total, not per meeting. The built answer is still the
 * closest thing the documents say, so it is listed first among the closest passages — never as
 * the answer.
 */
import type { Fact, Reply, SourceRef } from '../../core/reply.js';
import type { AgreementData } from '../../data/load.js';
import type { Understanding } from '../../understanding/understand.js';
import { isSeeAlso } from '../answers/common.js';
import { notStatedText } from './absent.js';
import { answerFirst } from './answerFirst.js';

/** Most lines taken from the rejected answer, and from the search's closest passages. */
const FROM_ANSWER = 2;
const FROM_SEARCH = 2;

export function nearestInstead(data: AgreementData, u: Understanding, rejected: Reply, search: Reply): Reply {
  const ordered = answerFirst(data, u.text, u.form, rejected);
  const headline = ordered.text.split('\n')[0]?.trim() ?? '';
  const facts = (ordered.facts ?? []).filter((f) => !isSeeAlso(f));
  const bare = (t: string) => t.replace(/[.\s]+$/u, '');
  // The headline is often one of the facts said as a sentence: then the fact is enough.
  const said = headline === '' || headline.endsWith(':') || facts.some((f) => bare(`${f.label}: ${f.value}`) === bare(headline));
  const own: Fact[] = [...(said ? [] : [{ label: 'Närmast', value: headline }]), ...facts].slice(0, FROM_ANSWER);
  const seen = new Set(own.map((f) => f.value));
  const passages = (search.facts ?? []).filter((f) => !seen.has(f.value)).slice(0, FROM_SEARCH);
  const sources: SourceRef[] = [...(rejected.sources ?? []), ...(search.sources ?? [])];
  return { text: notStatedText(data, u), status: 'not-stated', facts: [...own, ...passages], sources };
}

/** Most passages of the search said after a feature's "not stated". */
const CLOSEST = 2;

/**
 * A feature's own "not stated" ("Budgeten har inga siffror för 2026 …", Reply.subjectFound) with the
 * search's best passages after it, labelled as the closest – never as the answer.
 */
export function withClosest(notStated: Reply, search: Reply): Reply {
  const passages = search.status === 'answered' ? (search.facts ?? []).filter((f) => !isSeeAlso(f)).slice(0, CLOSEST) : [];
  if (passages.length === 0) return notStated;
  return {
    ...notStated,
    facts: [...(notStated.facts ?? []), ...passages.map((f) => ({ ...f, label: `Närmast: ${f.label}` }))],
    sources: [...(notStated.sources ?? []), ...(search.sources ?? [])],
  };
}
