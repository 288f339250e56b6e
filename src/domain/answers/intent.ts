/**
 * Which of the agreement-question intents a Swedish question is (issue 4, "Intent and entities …
 * when two readings are close, ask …; unknown → the search fallback"). Scores are 0..1 as
 * dialogs/routes.ts expects: ~0.9 when key words make it clear, ~0.6 when plausible, 0 otherwise.
 * Only the best of these intents keeps its score; the others are held below it, so MainDialog
 * never has to ask "which of my own dialogs did you mean". Questions that belong to another
 * feature (budget, calendar, aktualisering) are scored low so that feature's route wins.
 */
import { hasStem, hasWord, type ParsedQuery } from '../entities.js';
import { questionForm } from '../../understanding/form.js';
import { asksForDate, asksValidity } from '../routing/dateQuestion.js';
import { malgruppTopics } from './malgrupp.js';

export type AgreementIntent = 'ataganden' | 'kontakter' | 'organisation' | 'malgrupp' | 'initiativ';
export type IntentScores = Record<AgreementIntent, number>;

const ZERO: IntentScores = { ataganden: 0, kontakter: 0, organisation: 0, malgrupp: 0, initiativ: 0 };

function has(q: ParsedQuery, kind: string): boolean {
  return q.entities.some((e) => e.ref.kind === kind);
}

/** Cues of questions another feature answers (tertial/budget, årshjul, aktualisering). */
function foreignCue(q: ParsedQuery): boolean {
  const budget = hasStem(q, 'budget', 'tkr', 'kostnad', 'intakt', 'eget kapital', 'siffror', 'kronor', 'deltagarantal', 'utfall')
    || q.tertial !== undefined;
  // A validity question ("mellan vilka datum gäller överenskommelsen") is the agreement's own.
  const calendar = !asksValidity(q.normalized)
    && (asksForDate(q.normalized) || hasStem(q, 'datum', 'nasta mote', 'nasta sammantrade', 'motesplan', 'arshjul', 'paminn', 'kalender', 'inlamnad'));
  const aktualisering = hasStem(q, 'aktualis', 'forankr', 'samtycke', 'remit', 'anvisa', 'handlingsplan', 'arenor for provning', 'arendebarar', 'avslutsorsak') || /\b\d{2}\s?aring/u.test(q.normalized);
  // Decisions and applications of the 2017 protokoll are found by search, not by these dialogs.
  const decisions = hasStem(q, 'beslut', 'nominer', 'ansokning', 'ansokan', 'utlysning', 'protokoll', 'paragraf', 'sokte', 'bifall', 'avslag');
  return budget || calendar || aktualisering || decisions;
}

/** Raw scores before the best-only rule. */
function rawScores(q: ParsedQuery): IntentScores {
  const s: IntentScores = { ...ZERO };
  const party = has(q, 'party') || has(q, 'unit');
  const organ = has(q, 'organ');
  const verksamhet = has(q, 'verksamhet');

  if (hasStem(q, 'kontakt', 'ring', 'telefon', 'mejl', 'mailadress', 'epost', 'natt', 'na dem')) s.kontakter = 0.9;
  else if (hasStem(q, 'faktur', 'rekvir')) s.kontakter = 0.86;
  else if (hasWord(q, 'vem') && hasStem(q, 'fragor om', 'fraga om', 'vander')) s.kontakter = 0.7;

  if (hasStem(q, 'organisationsnum')) s.organisation = 0.99;
  else if (hasStem(q, 'medlem', 'anslut') || (hasStem(q, 'kommun') && hasWord(q, 'vilka', 'hur manga'))) s.organisation = 0.86;
  else if (hasStem(q, 'underteckn', 'underskri', 'signer') || (hasWord(q, 'skrev') && hasWord(q, 'under'))) s.organisation = 0.86;
  else if (organ && hasStem(q, 'sitter', 'bestar', 'ledamot', 'ersattare', 'represent', 'uppgift', 'sammansat', 'leder', 'ordforande', 'gor', 'ansvar', 'hur manga', 'vilka', 'vem', 'vad ar', 'roll')) s.organisation = 0.78;
  else if (party && hasStem(q, 'represent', 'sitter i', 'finns med')) s.organisation = 0.82;
  // Evidence in combination: a yes/no question naming a party and a group, or a party and the
  // förbund itself, asks about representation or membership, whatever its verb.
  else if (party && (organ || has(q, 'forbund') || hasWord(q, 'forbundet', 'samordningsforbundet')) && questionForm(q.tokens) === 'yesno') s.organisation = 0.82;
  else if (hasStem(q, 'forbundschef', 'kansli', 'nivaer', 'organiser', 'samverkansorganisation')) s.organisation = 0.78;
  else if (hasStem(q, 'parter', 'parterna') && hasWord(q, 'vilka', 'vem')) s.organisation = 0.78;
  // A group named without a question about it ("vad föreslår beredningsgruppen om …") is for the search.
  else if (organ) s.organisation = 0.45;

  if (q.tokens.some((t) => t.includes('initiativ')) || hasWord(q, 'samverkansinitiativ')) s.initiativ = 0.99;
  // "Vem är sammankallande för samordningsteamet i X" names a verksamhet, not an initiative.
  else if (hasStem(q, 'sammankall') && !verksamhet) s.initiativ = 0.78;

  const topics = malgruppTopics(q);
  if (topics.length > 0) {
    const strong = topics.some((t) => t === 'malgrupp' || t === 'mal' || t === 'villkor' || t === 'resultat' || t === 'syfte');
    // The topic's own word (målgrupp, effektmål, indikator, syfte …) leaves no doubt whose question it is.
    // "indikator" as a word of its own: an "indikatorprojekt" is a project, not a question about indicators.
    const explicit = hasStem(q, 'malgrupp', 'effektmal', 'syfte', 'vision', 'uppsagning', 'omforhandl', 'matbara mal')
      || hasWord(q, 'indikator', 'indikatorn', 'indikatorer', 'indikatorerna');
    s.malgrupp = explicit ? 0.99 : strong ? 0.84 : 0.74;
  }

  if (hasStem(q, 'atagande', 'ataga', 'atar', 'bemann', 'bidrar', 'bidra', 'ska gora', 'ansvarar', 'resurser', 'medverkar', 'insatser', 'finansier') || hasWord(q, 'uppdrag', 'uppdraget')) {
    // A party and a verksamhet together ("vad bidrar Vännäs kommun med i samordningsteamet") is a commitment question.
    s.ataganden = party && verksamhet ? 0.92 : party || verksamhet ? 0.86 : 0.68;
  } else if (party && verksamhet && hasStem(q, 'gor', 'roll', 'deltar', 'jobbar', 'arbetar')) {
    s.ataganden = 0.78;
  }
  // "X:s uppdrag" in an initiative or a group is that feature's, not a commitment.
  if (s.initiativ >= 0.8 && s.ataganden > 0) s.ataganden = Math.min(s.ataganden, 0.6);
  if (s.kontakter >= 0.9) s.ataganden = Math.min(s.ataganden, 0.6);
  return s;
}

/** Scores per intent: the best keeps its score (lowered for other features' questions), the rest stay at least 0.2 below. */
export function scoreIntents(q: ParsedQuery): IntentScores {
  const s = rawScores(q);
  const entries = Object.entries(s) as [AgreementIntent, number][];
  const best = entries.reduce((a, b) => (b[1] > a[1] ? b : a), entries[0] ?? ['ataganden', 0]);
  const out: IntentScores = { ...ZERO };
  const foreign = foreignCue(q);
  for (const [k, v] of entries) {
    let value = k === best[0] ? v : Math.min(v, Math.max(0, best[1] - 0.2));
    // Org numbers and contacts are never another feature's question.
    if (foreign && !(k === 'organisation' && v >= 0.99) && !(k === 'kontakter' && v >= 0.9)) value = Math.min(value, 0.45);
    out[k] = value;
  }
  return out;
}

/** The best intent and its score (undefined when none reaches `min`). */
export function bestIntent(q: ParsedQuery, min = 0.5): { intent: AgreementIntent; score: number } | undefined {
  const scores = scoreIntents(q);
  const [intent, score] = (Object.entries(scores) as [AgreementIntent, number][]).reduce((a, b) => (b[1] > a[1] ? b : a));
  return score >= min ? { intent, score } : undefined;
}

/**
 * Memo of the last parsed questions: every route's recogniser asks about the same utterance in
 * one turn, so the question is parsed and scored once.
 */
const memo = new Map<string, { q: ParsedQuery; scores: IntentScores }>();

/** Parses and scores `text` against `data`, reusing the result for the same data version and text. */
export function intentFor(parse: (text: string) => ParsedQuery, version: string, text: string): { q: ParsedQuery; scores: IntentScores } {
  const key = `${version}\u0000${text}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const q = parse(text);
  const value = { q, scores: scoreIntents(q) };
  if (memo.size >= 16) memo.delete(memo.keys().next().value as string);
  memo.set(key, value);
  return value;
}
