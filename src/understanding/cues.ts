/**
 * Declarative evidence (issue 13, "topic from the combination of evidence"): a feature declares
 * its cue words in named groups and, in one table, which combinations of groups, entity kinds and
 * question forms make a question its own and how sure that is. One scorer reads every table from
 * the turn's understanding; no feature re-reads the raw text for its cues.
 *
 * A group's `stems` match the start of a token ("aktualiser" in "aktualiseras"), a stem with a
 * space a phrase at a word boundary ("stamma av"); `words` match whole tokens, inflected or one
 * typo away for long words (src/domain/entities.ts `hasWord`); `exact` words only as written;
 * `ends` the end of a token, the head of a compound ("styrelsemötet").
 * Cue words are Swedish, never a förbund's names: those come from data/ as entities.
 */
import { hasStem, hasWord, type ParsedQuery } from '../domain/entities.js';
import type { QuestionForm } from './form.js';

export interface CueGroup {
  stems?: readonly string[];
  words?: readonly string[];
  /** Tokens exactly as these (no inflection, no typo): the imperative "posta", not "postas". */
  exact?: readonly string[];
  /** Token endings: the head of a Swedish compound ("mote" in "styrelsemote", "ssg-mote"). */
  ends?: readonly string[];
}

/**
 * One line of a feature's table: the question is the feature's with `score` when every name in
 * `all` holds, at least one in `any` (when given) and none in `none`. A name is a cue group of the
 * table, a signal the feature computes from the understanding (e.g. "a referring party named"),
 * `form:<form>` (the question's form) or `entity:<kind>` (an entity of that kind from data/).
 */
export interface EvidenceRule {
  all: readonly string[];
  any?: readonly string[];
  none?: readonly string[];
  score: number;
}

export interface EvidenceTable<S extends string = string> {
  groups: Readonly<Record<string, CueGroup>>;
  rules: readonly EvidenceRule[];
  /**
   * Combinations that hold the feature's score down to at most their `score`, whatever its rules
   * give: a question that asks for a date is at most plausible for a feature of figures, and one
   * another feature answers (its cue words) is held below that feature's (0 hands it over).
   */
  limits?: readonly EvidenceRule[];
  /** Names of the signals the feature computes (checked when the table is built). */
  signals?: readonly S[];
}

/** What the scorer reads of a turn: the parsed question, its form, and the feature's own signals. */
export interface EvidenceInput {
  query: Pick<ParsedQuery, 'tokens' | 'normalized' | 'entities'>;
  form: QuestionForm;
  signals?: Readonly<Record<string, boolean>>;
}

function groupHolds(group: CueGroup, q: EvidenceInput['query']): boolean {
  return (group.stems !== undefined && hasStem(q, ...group.stems)) || (group.words !== undefined && hasWord(q, ...group.words))
    || (group.exact !== undefined && q.tokens.some((t) => group.exact?.includes(t) === true))
    || (group.ends !== undefined && q.tokens.some((t) => group.ends?.some((e) => t.endsWith(e)) === true));
}

/** A resolver of names for one question: each group is matched at most once. */
export function evidenceOf(table: EvidenceTable, input: EvidenceInput): (name: string) => boolean {
  const seen = new Map<string, boolean>();
  return (name: string): boolean => {
    const known = seen.get(name);
    if (known !== undefined) return known;
    let value: boolean;
    if (name.startsWith('form:')) value = input.form === name.slice(5);
    else if (name.startsWith('entity:')) value = input.query.entities.some((e) => e.ref.kind === name.slice(7));
    else if (input.signals !== undefined && name in input.signals) value = input.signals[name] === true;
    else {
      const group = table.groups[name];
      if (group === undefined) throw new Error(`Okänd evidens "${name}" i tabellen`);
      value = groupHolds(group, input.query);
    }
    seen.set(name, value);
    return value;
  };
}

/** True when a rule's combination holds. */
export function ruleHolds(rule: EvidenceRule, has: (name: string) => boolean): boolean {
  return rule.all.every(has) && (rule.any === undefined || rule.any.some(has)) && !(rule.none ?? []).some(has);
}

/**
 * The feature's score for a question, 0..1: the highest of the rules that hold (0 when none does),
 * held down to the lowest of the limits that hold.
 */
export function scoreEvidence(table: EvidenceTable, input: EvidenceInput): number {
  const has = evidenceOf(table, input);
  let best = 0;
  for (const rule of table.rules) if (rule.score > best && ruleHolds(rule, has)) best = rule.score;
  for (const limit of table.limits ?? []) if (best > limit.score && ruleHolds(limit, has)) best = limit.score;
  return best;
}

/** Every name a table's rules and limits use that is neither its group, its signal, a form nor an entity kind (a test checks each table is empty of them). */
export function unknownNames(table: EvidenceTable, forms: readonly string[], kinds: readonly string[]): string[] {
  const known = (name: string): boolean => name in table.groups || (table.signals ?? []).includes(name)
    || (name.startsWith('form:') && forms.includes(name.slice(5))) || (name.startsWith('entity:') && kinds.includes(name.slice(7)));
  const names = [...table.rules, ...(table.limits ?? [])].flatMap((r) => [...r.all, ...(r.any ?? []), ...(r.none ?? [])]);
  return [...new Set(names.filter((n) => !known(n)))];
}

/** The first entry of an ordered table whose rule holds (e.g. which of a feature's intents a question is). */
export function firstHolding<T extends { rule: Omit<EvidenceRule, 'score'> }>(table: EvidenceTable, entries: readonly T[], input: EvidenceInput): T | undefined {
  const has = evidenceOf(table, input);
  return entries.find((e) => ruleHolds({ ...e.rule, score: 1 }, has));
}
