/**
 * Answer first (DESIGN.md, The reply shape): the first line of a reply answers the question as
 * asked. A builder's opening line is often a header ("Samordningsförbundets budget 2023–2025
 * (tkr):", "Redovisade resultat för …:") while the line that answers is one of its facts. Here,
 * for any answer, the line that holds most of the question's words — the distinctive ones
 * weighing three times, and a number for "hur mycket", a date for "när", a person's name for "vem är ordförande" — is put first when it
 * answers clearly better than the opening line. Nothing is removed; no feature knowledge here.
 */
import type { Fact, Reply } from '../../core/reply.js';
import type { AgreementData } from '../../data/load.js';
import type { QuestionForm } from '../../understanding/form.js';
import { queryTerms } from '../search/tokenize.js';
import { distinctiveTerms, hasTerm, stemsOf } from './evidence.js';
import { DURATION, FREQUENCY, namesPerson, namesWho } from './answersQuestion.js';
import { isSeeAlso } from '../answers/common.js';
import { OLDER_STATEMENT, verdictOf } from './verdict.js';
import { normalize } from '../text.js';

const MONTH = /\b(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\b/iu;
const DATE = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\b/u;

/** True when a line gives the kind of value the question's form asks for. */
function givesForm(data: AgreementData, form: QuestionForm, line: string): boolean {
  if (form === 'namn') return namesPerson(data, { text: line });
  if (form === 'vem') return namesWho(data, line);
  if (form === 'hur-ofta') return FREQUENCY.test(line);
  if (form === 'hur-mycket') return /\d/u.test(line);
  if (form === 'nar') return DATE.test(line) || MONTH.test(line);
  if (form === 'hur-lange') return DURATION.test(normalize(line));
  return false;
}

function score(data: AgreementData, line: string, terms: readonly string[], distinctive: readonly string[], form: QuestionForm): number {
  const stems = stemsOf(line);
  const held = terms.reduce((sum, t) => sum + (hasTerm(stems, t) ? (distinctive.includes(t) ? 3 : 1) : 0), 0);
  return held + (givesForm(data, form, line) ? 2 : 0);
}

/** A header line announces what follows instead of saying it. */
function isHeader(line: string, form: QuestionForm): boolean {
  // "Åtaganden för X i Y (17 st, nyast först):" counts what follows rather than answering; with
  // "Bland annat: …" it goes on to say the first of them, and answers a "vad" as well as any item.
  const listing = form === 'vad' || form === 'other';
  return line.trimEnd().endsWith(':') || (/\(\d+ st\b/u.test(line) && !(listing && /Bland annat: \S/u.test(line)));
}

/** "Resultat: 2025: 370 tkr" → "Resultat 2025: 370 tkr." — a fact as the opening sentence. */
function asSentence(label: string, value: string, form: QuestionForm): string {
  const v = value.trim().replace(/^…\s*/u, '');
  // A value that is a sentence of its own ("Förbundet finansierar …") says it without its record's label –
  // unless the question asks who: then the label (the role, the party) is the answer.
  const asksWho = form === 'vem' || form === 'namn';
  if (!asksWho && v.split(/\s+/u).length >= 6 && /^[A-ZÅÄÖ]/u.test(v)) return /[.!?…]$/u.test(v) ? v : `${v}.`;
  const joined = /^\d{4}: /u.test(v) && v.indexOf(',') < 0 ? `${label} ${v}` : `${label}: ${v}`;
  return /[.!?…]$/u.test(joined) ? joined : `${joined}.`;
}

/** The reply with its answering line first, when a fact answers the question clearly better than the opening line. */
export function answerFirst(data: AgreementData, question: string, form: QuestionForm, reply: Reply): Reply {
  return verdictFirst(question, form, answeringLineFirst(data, question, form, reply));
}

/** A yes/no answer opens with "Ja"/"Nej" when its first line decides it (src/domain/routing/verdict.ts). */
export function verdictFirst(question: string, form: QuestionForm, reply: Reply): Reply {
  if (form !== 'yesno' || reply.status !== 'answered') return reply;
  const [first = '', ...rest] = reply.text.split('\n');
  if (/^(ja|nej|stämmer)\b/iu.test(first.trim())) return reply;
  const verdict = verdictOf(question, first);
  return verdict === undefined ? reply : { ...reply, text: [`${verdict} – ${first}`, ...rest].join('\n') };
}

/**
 * Current first (issue 13): the fact that answers best, unless a newer document says the same
 * thing otherwise (a fact of the same label with a later `asOf`) – then the newest is the answer
 * and the older follows with its date ("Äldre uppgift – Överenskommelse Vuxentorget 2020: …").
 */
function currentSentence(f: Fact, facts: readonly Fact[], form: QuestionForm): string {
  const own = asSentence(f.label, f.value, form);
  if (f.asOf === undefined) return own;
  const newest = facts.filter((g) => g.label === f.label && g.asOf !== undefined && g.asOf.date > (f.asOf?.date ?? ''))
    .sort((a, b) => (b.asOf?.date ?? '').localeCompare(a.asOf?.date ?? ''))[0];
  if (newest?.asOf === undefined) return own;
  const current = asSentence(newest.label, newest.value, form).replace(/\.$/u, '');
  const titled = (a: NonNullable<Fact['asOf']>) => (/\b(?:19|20)\d\d\b/u.test(a.title) ? a.title : `${a.title} ${a.date.slice(0, 4)}`);
  return `${current} (${titled(newest.asOf)}). ${OLDER_STATEMENT} – ${titled(f.asOf)}: ${f.value.replace(/\.$/u, '')}.`;
}

/** A passage's sentences for a headline: split at full stops only, so a list ("a; b; c") stays whole. */
function headlineSentences(text: string): string[] {
  return text.replace(/\s+/gu, ' ').trim().split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9•–-])/u).filter((s) => s !== '');
}

/**
 * The sentence of a passage to lead with, and how well the passage answers (its best sentence's
 * score, with the sentence after it – an answer often goes on: "… ny part. Under slutet av 2022 …").
 * Of the sentences about the question at all (a third of the best one's words), one that gives
 * what the form asks for (a frequency, a date, an amount) is said.
 */
function pickSentence(data: AgreementData, label: string, sentences: readonly string[], terms: readonly string[], distinctive: readonly string[], form: QuestionForm, mustGive: boolean): { text: string; score: number; gives: boolean } | undefined {
  const said = sentences.map((sentence, i) => {
    const next = sentences[i + 1];
    return next !== undefined && sentence.length + next.length < MAX_HEADLINE ? `${sentence} ${next}` : sentence;
  });
  // A pair leads on its first sentence: what the next adds counts half ("Den uppföljningen … . Överenskommelsen gäller …" leads with the second).
  const scored = said.map((text, i) => {
    const own = sentences[i] ?? '';
    const alone = score(data, `${label} ${own}`, terms, distinctive, form);
    return { text, own, score: alone + (score(data, `${label} ${text}`, terms, distinctive, form) - alone) / 2, gives: givesForm(data, form, own) };
  })
    .filter((x) => !mustGive || givesForm(data, form, `${label} ${x.text}`));
  const top = Math.max(...scored.map((x) => x.score));
  if (scored.length === 0 || top <= 0) return undefined;
  const best = scored.find((x) => x.score === top);
  if (best === undefined) return undefined;
  // The best pair says the value itself: it leads (a composite's "Ordförande är … Styrgruppen sammanträder var 6:e vecka").
  if (givesForm(data, form, best.text)) return { text: best.text, score: top, gives: true };
  const giving = scored.filter((x) => x.gives && (specificForm(form) || x.score * 3 >= top)).sort((a, b) => b.score - a.score)[0];
  if (giving === undefined) return { text: best.text, score: top, gives: false };
  // "Sådan omförhandling aviseras …" points back: the sentence before it says what it is about.
  const at = sentences.indexOf(giving.own);
  const previous = at > 0 && ANAPHOR.test(giving.own) ? sentences[at - 1] : undefined;
  return { text: previous !== undefined && previous.length + giving.own.length < MAX_HEADLINE ? `${previous} ${giving.own}` : giving.own, score: top, gives: true };
}

/** A sentence that opens pointing back at the one before it. */
const ANAPHOR = /^(?:Sådan|Sådana|Sådant|Detta|Dessa|Denna|Det|Den|De|Där|Då|Därefter|Här)\s/u;

/** A frequency, a duration or a date: specific enough to answer in a passage about the question even when its sentence repeats none of the question's words. */
function specificForm(form: QuestionForm): boolean {
  return form === 'hur-ofta' || form === 'hur-lange' || form === 'nar';
}

/** Longest headline taken from a passage: one or two sentences, clipped at a word. */
const MAX_HEADLINE = 300;

/**
 * One sentence of a passage as the headline: with its passage's label when it cannot stand alone
 * (few words, a list item, or a "vem" question's answer that names no one of its own).
 */
function passageSentence(label: string, sentence: string, form: QuestionForm): string {
  const s = sentence.replace(/^[-•·…]\s*/u, '').trim();
  const clipped = s.length <= MAX_HEADLINE ? s : `${s.slice(0, s.lastIndexOf(' ', MAX_HEADLINE))} …`;
  const standsAlone = clipped.split(/\s+/u).length >= 6 && /^[A-ZÅÄÖ0-9]/u.test(clipped) && form !== 'vem' && form !== 'namn';
  const said = standsAlone ? clipped : `${label}: ${clipped}`;
  return /[.!?…:]$/u.test(said) ? said : `${said}.`;
}

/** A listed item of the reply's own text ("• fredag 13 oktober 2023 – SSG: Delrapport T2") said as a sentence. */
function itemSentence(line: string): string {
  const item = line.replace(/^\s*[•·-]\s*/u, '').trim();
  return /[.!?…]$/u.test(item) ? item : `${item}.`;
}

function answeringLineFirst(data: AgreementData, question: string, form: QuestionForm, reply: Reply): Reply {
  const items = reply.text.split('\n').slice(1).filter((l) => /^\s*•\s/u.test(l));
  if (reply.status !== 'answered' || ((reply.facts ?? []).length === 0 && items.length === 0)) return reply;
  const terms = queryTerms(question);
  if (terms.length === 0) return reply;
  const distinctive = distinctiveTerms(data, question);
  const lines = reply.text.split('\n');
  const head = lines.find((l) => l.trim() !== '') ?? '';
  // A verdict its builder decided ("Nej – … målgrupp är …", "Ja – Regionen ska förankra …") is the answer: it stays first.
  if (/^(?:Ja|Nej|Stämmer)\s[–-]\s/u.test(head)) return reply;
  const headScore = isHeader(head, form) ? -1 : score(data, head, terms, distinctive, form);
  // An opening line that gives what the form asks for (a date, a frequency …) is not replaced by one that does not.
  const headGives = !isHeader(head, form) && givesForm(data, form, head);
  let best: { sentence: string; score: number; item?: string; gives?: boolean } | undefined;
  // The candidates: the facts, and the items the reply lists in its own text (a header, then "• …" lines).
  for (const f of reply.facts ?? []) {
    // Related passages ("Se även: …") are not the answer.
    if (isSeeAlso(f)) continue;
    // A passage of several sentences is weighed sentence by sentence, each with its label: the one
    // that says what is asked ("… minst var tredje månad") is the headline, not the passage's opening.
    const sentences = f.asOf === undefined ? headlineSentences(f.value) : [];
    if (sentences.length > 1) {
      const said = pickSentence(data, f.label, sentences, terms, distinctive, form, headGives);
      if (said !== undefined && (best === undefined || said.score > best.score)) best = { sentence: passageSentence(f.label, said.text, form), score: said.score, gives: said.gives };
      continue;
    }
    const line = `${f.label} ${f.value}`;
    if (headGives && !givesForm(data, form, line)) continue;
    const s = score(data, line, terms, distinctive, form);
    if (best === undefined || s > best.score) best = { sentence: currentSentence(f, reply.facts ?? [], form), score: s };
  }
  for (const line of items) {
    if (headGives && !givesForm(data, form, line)) continue;
    const s = score(data, line, terms, distinctive, form);
    if (best === undefined || s > best.score) best = { sentence: itemSentence(line), score: s, item: line };
  }
  // Clearly better: two points more than the opening line (a header counts as none), and about the question at all.
  // Or as good, when only it gives what the form asks for (the opening line says the process, the fact how often).
  const givesInstead = best?.gives === true && !headGives && specificForm(form);
  if (best === undefined || best.score < 2 || best.score < headScore + (givesInstead ? 0 : 2)) return reply;
  // A header over this one item only says it again: the item, said as a sentence, replaces both.
  if (best.item !== undefined && items.length === 1 && isHeader(head, form)) {
    const rest = lines.filter((l) => l !== head && l !== best.item);
    return { ...reply, text: [best.sentence, ...rest].join('\n') };
  }
  return { ...reply, text: `${best.sentence}\n${reply.text}` };
}
