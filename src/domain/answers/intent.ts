/**
 * Which of the agreement-question intents a Swedish question is (issue 4, "Intent and entities …
 * when two readings are close, ask …; unknown → the search fallback"). Scores are 0..1 as
 * dialogs/routes.ts expects: ~0.9 when key words make it clear, ~0.6 when plausible, 0 otherwise.
 * Only the best of these intents keeps its score; the others are held below it, so MainDialog
 * never has to ask "which of my own dialogs did you mean". Questions that belong to another
 * feature (budget, calendar, aktualisering) are scored low so that feature's route wins. Each
 * intent's cue words and combinations are one table in src/domain/answers/cues.ts.
 */
import type { ParsedQuery } from '../entities.js';
import { evidenceOf, scoreEvidence, type EvidenceInput, type EvidenceTable } from '../../understanding/cues.js';
import { questionForm, type QuestionForm } from '../../understanding/form.js';
import { asksForDate, asksValidity } from '../routing/dateQuestion.js';
import {
  ATAGANDEN_EVIDENCE, FOREIGN_EVIDENCE, INITIATIV_EVIDENCE, KONTAKTER_EVIDENCE, MALGRUPP_EVIDENCE, ORGANISATION_EVIDENCE, STRONG_TOPICS,
} from './cues.js';
import { malgruppTopics } from './malgrupp.js';

export type AgreementIntent = 'ataganden' | 'kontakter' | 'organisation' | 'malgrupp' | 'initiativ';
export type IntentScores = Record<AgreementIntent, number>;

/** What the intents read of a turn: the parsed question and its form (src/understanding/). */
export interface IntentInput {
  query: ParsedQuery;
  form: QuestionForm;
}

const ZERO: IntentScores = { ataganden: 0, kontakter: 0, organisation: 0, malgrupp: 0, initiativ: 0 };

/**
 * Each intent's table (src/domain/answers/cues.ts) and the group of it that keeps its question
 * its own even with another feature's cue: org numbers and contacts are never another feature's.
 */
const INTENTS: Readonly<Record<AgreementIntent, { table: EvidenceTable; own?: string }>> = {
  ataganden: { table: ATAGANDEN_EVIDENCE },
  kontakter: { table: KONTAKTER_EVIDENCE, own: 'contact' },
  organisation: { table: ORGANISATION_EVIDENCE, own: 'orgNumber' },
  malgrupp: { table: MALGRUPP_EVIDENCE },
  initiativ: { table: INITIATIV_EVIDENCE },
};

/** The signals the tables read, from data/'s entities, the målgrupp topics and the shared date readers. */
function signalsOf(q: ParsedQuery): Record<string, boolean> {
  const topics = malgruppTopics(q);
  return {
    party: q.entities.some((e) => e.ref.kind === 'party' || e.ref.kind === 'unit'),
    yesnoWhole: questionForm(q.tokens) === 'yesno',
    topic: topics.length > 0,
    strongTopic: topics.some((t) => STRONG_TOPICS.includes(t)),
    tertial: q.tertial !== undefined,
    asksDate: asksForDate(q.normalized),
    validity: asksValidity(q.normalized),
    // An age written as a number and "åring" ("23 åring", "23åring").
    age: /\b\d{2}\s?aring/u.test(q.normalized),
  };
}

/** Raw scores before the best-only rule, and whether the question has its intent's own cue. */
function rawScores(input: EvidenceInput): { scores: IntentScores; own: Record<AgreementIntent, boolean> } {
  const scores: IntentScores = { ...ZERO };
  const own: Record<AgreementIntent, boolean> = { ataganden: false, kontakter: false, organisation: false, malgrupp: false, initiativ: false };
  for (const [intent, { table, own: group }] of Object.entries(INTENTS) as [AgreementIntent, (typeof INTENTS)[AgreementIntent]][]) {
    scores[intent] = scoreEvidence(table, input);
    own[intent] = group !== undefined && evidenceOf(table, input)(group);
  }
  return { scores, own };
}

/**
 * Scores per intent: the best keeps its score, the rest stay at least 0.2 below; a question with
 * another feature's cue (the foreign table) is held at 0.45 unless it has the intent's own cue.
 */
export function scoreIntents(u: IntentInput): IntentScores {
  const input = { query: u.query, form: u.form, signals: signalsOf(u.query) };
  const { scores: s, own } = rawScores(input);
  const entries = Object.entries(s) as [AgreementIntent, number][];
  const best = entries.reduce((a, b) => (b[1] > a[1] ? b : a), entries[0] ?? ['ataganden', 0]);
  const out: IntentScores = { ...ZERO };
  const foreign = scoreEvidence(FOREIGN_EVIDENCE, input) > 0;
  for (const [k, v] of entries) {
    let value = k === best[0] ? v : Math.min(v, Math.max(0, best[1] - 0.2));
    if (foreign && !own[k]) value = Math.min(value, 0.45);
    out[k] = value;
  }
  return out;
}

/** The best intent and its score (undefined when none reaches `min`). */
export function bestIntent(u: IntentInput, min = 0.5): { intent: AgreementIntent; score: number } | undefined {
  const scores = scoreIntents(u);
  const [intent, score] = (Object.entries(scores) as [AgreementIntent, number][]).reduce((a, b) => (b[1] > a[1] ? b : a));
  return score >= min ? { intent, score } : undefined;
}

/**
 * Memo of the last parsed questions: every route's recogniser asks about the same utterance in
 * one turn, so the question is parsed and scored once.
 */
const memo = new Map<string, { q: ParsedQuery; scores: IntentScores }>();

/** Scores the turn's understanding of `text`, reusing the result for the same data version and text. */
export function intentFor(u: IntentInput, version: string, text: string): { q: ParsedQuery; scores: IntentScores } {
  const key = `${version}\u0000${text}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const value = { q: u.query, scores: scoreIntents(u) };
  if (memo.size >= 16) memo.delete(memo.keys().next().value as string);
  memo.set(key, value);
  return value;
}
