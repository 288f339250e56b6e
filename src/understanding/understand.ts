/**
 * One understanding per turn (DESIGN.md, How a question becomes an answer): the utterance is read
 * once, into a value every recogniser and answer builder receives, so nothing downstream re-reads
 * the raw text for what is already known here. The entities come from the lexicon derived from
 * data/ (src/domain/entities.ts, one per data object); the rest is generic Swedish — question
 * form, negation scope and the parts of a composite question — and holds no förbund knowledge.
 */
import type { AgreementData } from '../data/load.js';
import { entityTokens, parseQueryCached, type EntityMatch } from '../domain/entities.js';
import { normalize } from '../domain/text.js';
import { forbundOf, inConversation, type QueryInConversation } from '../domain/forbund.js';
import { compositeParts } from './parts.js';
import { negationSpans, type TokenSpan } from './negation.js';
import { messageForm, type QuestionForm } from './form.js';

export interface Understanding {
  /** The utterance as typed (personnummer already removed by the redaction middleware). */
  text: string;
  /**
   * Normalised text, tokens, entities with their data aliases, years, tertial, month — and the
   * conversation's förbund (`conversationForbund`) when the conversation belongs to one.
   */
  query: QueryInConversation;
  /**
   * The förbund the question is about (src/domain/forbund.ts `forbundOf`): one the question names,
   * else the conversation's, else the deployment's default.
   */
  forbund: string;
  /** What kind of answer the question asks for: a yes/no question is answered "Ja"/"Nej" first. */
  form: QuestionForm;
  /** Token spans (in `query.tokens`) that a negation or exclusion covers: "har inte sjukpenning", "varken … eller", "utan …". */
  negated: readonly TokenSpan[];
  /** The separate questions of a composite question, each as typed; one element for a plain question. */
  parts: readonly string[];
  /** "Now" for this turn. */
  now: Date;
}

/**
 * Builds the turn's understanding of `text` against the current data, in a conversation that
 * belongs to `conversationForbund` (a förbund id) or to none.
 */
export function understand(data: AgreementData, text: string, now: Date, conversationForbund?: string): Understanding {
  const query = inConversation(parseQueryCached(data, text), conversationForbund);
  return {
    text,
    query,
    forbund: forbundOf(data, query),
    form: messageForm(text, (clause) => (clause === text ? query.tokens : entityTokens(normalize(clause)))),
    negated: negationSpans(query.tokens),
    parts: compositeParts(text),
    now,
  };
}

/** True when an entity match lies inside a negated span ("har inte FK-kontakt"). */
export function isNegated(u: Pick<Understanding, 'negated'>, match: Pick<EntityMatch, 'start' | 'end'>): boolean {
  return u.negated.some((s) => match.start >= s.start && match.end <= s.end);
}
