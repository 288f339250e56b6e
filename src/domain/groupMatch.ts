/**
 * Which of a målgrupp's listed groups (verksamheter.json / agreements.json `malgrupp.groups`) a
 * question's person belongs to (DESIGN.md, Aktualiseringscheck: "om personen passar
 * målgruppen"): "sjukskriven men saknar SGI och får försörjningsstöd" is "Sjukskrivna som saknar
 * en sjukpenninggrundande inkomst (s.k. 0-klassade) med försörjningsstöd". A group is matched by
 * the stems of its name that the question holds; a stem the group says negated and the question
 * does not ("bedöms inte kunna matchas" against "går att matcha") is a conflict: the person is
 * outside that group.
 */
import type { Malgrupp } from '../data/schemas/organisation.js';
import { hasTerm, stemsOf } from './routing/evidence.js';
import { normalize } from './text.js';

export interface GroupMatch {
  /** The group as data/ words it. */
  group: string;
  /** How many of the group name's stems the question holds. */
  held: number;
  /** A stem the question and the group read with opposite polarity. */
  conflict: boolean;
}

/** Words that say nothing of who a group is ("personer som …", "flertalet av dem …"). */
const FILLER = new Set(['person', 'personer', 'individ', 'individer', 'manga', 'flera', 'olika', 'dem', 'deras', 'annat', 'bland', 'eller', 'samt', 'inom', 'med', 'som']);
/** Words that negate what follows them, within {@link NEGATION_REACH} words ("saknar SGI", "utan arbete", "inte kunna matchas"). */
const NEGATORS = new Set(['inte', 'ej', 'icke', 'utan', 'saknar', 'saknas', 'varken', 'aldrig']);
const NEGATION_REACH = 3;
/** Longest group name quoted in a verdict. */
const GROUP_QUOTE = 110;

/** The part of a group that names it: before its colon ("Utförsäkrade: Majoriteten …"), else its first sentence. */
function groupName(group: string): string {
  const colon = group.indexOf(':');
  if (colon > 0 && colon < 40) return group.slice(0, colon);
  // A full stop ends the name only before a new sentence ("(s.k. 0-klassade)" does not).
  return group.split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ])/u)[0] ?? group;
}

function contentStems(text: string): string[] {
  return [...stemsOf(text)].filter((s) => s.length >= 4 && !FILLER.has(s));
}

/** The stems said within reach after a negating word. */
function negatedStems(text: string): Set<string> {
  const words = normalize(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  const out = new Set<string>();
  words.forEach((w, i) => {
    if (!NEGATORS.has(w)) return;
    for (const next of words.slice(i + 1, i + 1 + NEGATION_REACH)) for (const s of stemsOf(next)) out.add(s);
  });
  return out;
}

function holds(stems: ReadonlySet<string>, term: string): boolean {
  return hasTerm(stems, term) || [...stems].some((s) => s.length >= 5 && term.startsWith(s));
}

/**
 * The group of `malgrupp` the question's person belongs to — the group whose name shares the most
 * stems with the question (two, or the only one a one-word group has) — else the one it conflicts with.
 */
export function matchGroup(question: string, malgrupp: Pick<Malgrupp, 'groups' | 'prioritised'>): GroupMatch | undefined {
  const qStems = stemsOf(question);
  const qNegated = negatedStems(question);
  const matches: GroupMatch[] = [];
  for (const group of [...new Set([...malgrupp.groups, ...malgrupp.prioritised])]) {
    const name = groupName(group);
    const stems = contentStems(name);
    const held = stems.filter((s) => holds(qStems, s));
    if (held.length < Math.min(2, stems.length) || held.length === 0) continue;
    // A conflict is what the group says negated and the question does not ("bedöms inte kunna matchas" against
    // "går att matcha"); the other way round is left to the conditions – the reach of a negation in a long
    // description and in a question differ too often to read it.
    const gNegated = negatedStems(name);
    const conflict = held.some((s) => gNegated.has(s) && ![...qNegated].some((q) => q === s || q.startsWith(s) || s.startsWith(q)));
    matches.push({ group, held: held.length, conflict });
  }
  // A group the person belongs to wins over one it conflicts with: the person is in the målgrupp if in any of its groups.
  const ranked = matches.sort((a, b) => Number(a.conflict) - Number(b.conflict) || b.held - a.held || a.group.length - b.group.length);
  return ranked[0];
}

/** "Ja – ”Unga med aktivitetsersättning” ingår i Ungdomstorgets målgrupp." / "Nej – målgruppen är ”… inte kunna matchas …”." */
export function groupVerdictLine(match: GroupMatch, whose: string, conditions?: string): string {
  const name = groupName(match.group).replace(/\.$/u, '');
  // A group whose first sentence runs on ("Arbetssökande som … Det finns …") is quoted up to a word near its start.
  const group = name.length <= GROUP_QUOTE ? name : `${name.slice(0, name.lastIndexOf(' ', GROUP_QUOTE))} …`;
  if (match.conflict) return `Nej – ${whose} målgrupp är ”${group}”.`;
  return `Ja – ”${group}” ingår i ${whose} målgrupp${conditions !== undefined && conditions !== '' ? `, om ${conditions}` : ''}.`;
}
