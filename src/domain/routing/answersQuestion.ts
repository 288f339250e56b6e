/**
 * Does an answer answer the question as asked? Two checks that hold for every feature, read from
 * the turn's understanding and the answer's own words (never from which feature built it):
 * - the kind of value the question's form asks for is there: a date or time for "när", a number
 *   for "hur mycket/många", a number or frequency for "hur ofta", a duration for "hur länge";
 * - a person's name for "vad heter …", "vem är ordförande";
 * - the unit an amount is asked per ("per möte") is named, else the answer gives a total;
 * - a detail asked for (a telephone number, an e-mail or street address, opening hours, an
 *   organisation number, an amount of money) is there in its shape, not just who to contact;
 * - the verksamhet the question names is the one the answer is about (a money word must not send
 *   a question about one verksamhet to the förbund's whole budget table).
 * An answer that fails is not shown as the answer: MainDialog treats it as "not stated".
 */
import type { Reply } from '../../core/reply.js';
import type { AgreementData } from '../../data/load.js';
import type { Understanding } from '../../understanding/understand.js';
import { normalize } from '../text.js';
import { isSeeAlso } from '../answers/common.js';
import { askedDetails, isDetailWord, isTitle, perUnits, type Detail } from '../../understanding/form.js';
import { distinctiveTerms, hasTerm, stemsOf } from './evidence.js';
import { stemSwedish } from '../search/tokenize.js';
import { ancestorsOf } from '../verksamhetTree.js';
import { absentThing } from './absent.js';

const MONTHS = 'januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december';
/** A time: a date, a year, a month, a weekday or a word of time ("varje vecka", "senast", "tertial"). */
const WHEN = new RegExp(String.raw`\b(?:19|20)\d\d\b|\b\d{1,2}\/\d{1,2}\b|\b(?:${MONTHS}|mandag|tisdag|onsdag|torsdag|fredag|tertial)\w*|\b(?:vecka|veckan|veckor|varje|arligen|manad|manaden|manader|host|hosten|var|varen|sommar|sommaren|vinter|vintern|lopande|innan|fore|efter|senast|arets|nasta|kvartal|kvartalet|halvar|halvaret)\b`, 'u');
/** A day: "2023-11-30", "30 november", "30/11". */
const DAY = new RegExp(String.raw`\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\s(?:${MONTHS})\b|\b\d{1,2}\/\d{1,2}\b`, 'u');
/** A duration: a count of days, weeks, months or years ("minst tre månader", "2 år"), or "tillsvidare". */
const NUMBER_WORDS = 'en|ett|tva|tre|fyra|fem|sex|sju|atta|nio|tio|elva|tolv|\\d+(?:[,.]\\d+)?';
export const DURATION = new RegExp(String.raw`(?<![-–]\s?)\b(?:${NUMBER_WORDS})\s(?:dag|dagar|vecka|veckor|manad|manader|ar|timme|timmar|kvartal|tertial)\b|\btill\s?sv?idare\b|\b(?:19|20)\d\d-\d\d-\d\d\s?(?:-|–|till(?: och med)?|t\.?o\.?m\.?)\s?(?:19|20)\d\d-\d\d-\d\d\b`, 'u');
/** A count said in words ("tre handläggare", "två arbetsförmedlare"): an answer to "hur många" as well as a digit ("en"/"ett" are articles too). */
const COUNT_WORDS = /\b(?:tva|tre|fyra|fem|sex|sju|atta|nio|tio|elva|tolv)\s+\p{L}{3,}/u;
/**
 * A frequency in normalised text: "varje vecka", "två gånger per termin", "var 6:e vecka", "årligen",
 * "löpande", "vid behov", a count per period. Not a bare period word: "ar" is "är" as often as "år".
 */
const HOW_OFTEN = /\b(?:varje|varannan|arligen|regelbundet|lopande|kontinuerligt|behov|ganger|gang per)\b|\b(?:per|i|om|var|varje)\s(?:\p{L}+\s)?(?:dag|vecka|veckan|manad|manaden|ar|aret|termin|terminen|kvartal|tertial)\b|\d+\s?:?e?\s(?:vecka|veckan|manad|manaden)/u;

/** The text without dates, years and section numbers: what is left of its digits are amounts and counts. */
function withoutDatesAndYears(text: string): string {
  return text
    .replace(/\b\d{4}-\d{2}-\d{2}\b|\b\d{6}\b/gu, ' ')
    .replace(/\b(?:19|20)\d\d\b/gu, ' ')
    .replace(/(?:§|punkt|bilaga|avsnitt|kap\.?)\s*\d+(?:\.\d+)*/giu, ' ')
    .replace(/\b\d+(?:\.\d+)+\b/gu, ' ');
}

/** The answer's own words: its text and facts, without the related passages beside it ("Se även"). */
function ownText(reply: Reply): string {
  return [reply.text, ...(reply.facts ?? []).filter((f) => !isSeeAlso(f)).map((f) => `${f.label} ${f.value}`)].join(' ');
}

function replyText(reply: Reply): string {
  return normalize(ownText(reply));
}

/**
 * True when the answer gives the kind of value the question's form asks for (forms without one
 * always pass); `day` when the question asks for a date ("vilket datum", "vilken dag").
 */
export function givesFormValue(form: Understanding['form'], reply: Reply, day = false): boolean {
  const text = replyText(reply);
  if (form === 'nar' && day) return DAY.test(text);
  const raw = ownText(reply);
  if (form === 'nar') return WHEN.test(text);
  if (form === 'hur-mycket') return /\d/u.test(withoutDatesAndYears(raw)) || COUNT_WORDS.test(text);
  if (form === 'hur-ofta') return HOW_OFTEN.test(text) || FREQUENCY.test(raw);
  if (form === 'hur-lange') return DURATION.test(text);
  return true;
}

/** The verksamheter the question names that the answer never mentions (by name or alias from data/). */
export function missedVerksamheter(data: AgreementData, u: Understanding, reply: Reply): string[] {
  const text = ` ${replyText(reply)} `;
  const named = new Map<string, string>();
  for (const e of u.query.entities) if (e.ref.kind === 'verksamhet') named.set(`${e.ref.forbund}/${e.ref.id}`, e.ref.name);
  const missed: string[] = [];
  // An answer from a document about that verksamhet alone (its uppdragsavtal) is about it, named or not.
  const docs = new Set((reply.sources ?? []).map((s) => s.doc));
  const aboutOne = data.agreements.filter((a) => docs.has(a.source.doc) && a.verksamheter.length === 1).map((a) => `${a.forbund}/${a.verksamheter[0] ?? ''}`);
  for (const [key, name] of named) {
    if (aboutOne.includes(key)) continue;
    const v = data.verksamheter.find((x) => `${x.forbund}/${x.id}` === key);
    // What holds for the whole (the teams of all kranskommuner) holds for its part (one kommun's team).
    const whole = v === undefined ? [] : ancestorsOf(data.verksamheter, v.forbund, v.id)
      .map((id) => data.verksamheter.find((x) => x.forbund === v.forbund && x.id === id))
      .flatMap((a) => (a === undefined ? [] : [a.name, ...(a.aliases ?? [])]));
    const names = [name, ...(v?.aliases ?? []), ...whole].map(normalize).filter((n) => n.length >= 3);
    if (!names.some((n) => text.includes(` ${n}`))) missed.push(name);
  }
  return missed;
}

/**
 * The units the question asks per ("arvode per möte") that the answer never names: an answer
 * with the total ("Arvoden till styrelsen: 300 tkr") does not say what one meeting gives.
 */
export function missedUnits(tokens: readonly string[], reply: Reply): string[] {
  const units = perUnits(tokens);
  if (units.length === 0) return [];
  const text = ` ${replyText(reply)}`;
  return units.filter((unit) => !new RegExp(String.raw`[\s/]${stemSwedish(unit)}`, 'u').test(text));
}

/** Two capitalised words in a row ("Peter Vigren"): a person's name when neither is a common word. */
const NAME_PAIR = /(?<![\p{L}])(\p{Lu}\p{Ll}+)\s(\p{Lu}\p{Ll}+)(?![\p{L}])/gu;

const lowerWords = new WeakMap<AgreementData, ReadonlySet<string>>();

/**
 * Every word data/ writes in lower case somewhere in running text ("leder", "samverkansplattform"):
 * a common word, never a name — a name is written capitalised wherever it stands. Built once per
 * data version.
 */
function commonWords(data: AgreementData): ReadonlySet<string> {
  let words = lowerWords.get(data);
  if (words === undefined) {
    const found = new Set<string>();
    for (const p of data.passages) for (const m of p.text.matchAll(/(?<![\p{L}])\p{Ll}+/gu)) found.add(m[0]);
    words = found;
    lowerWords.set(data, words);
  }
  return words;
}

type Named = { name: string; aliases?: readonly string[] };

/** " region vasterbotten ": a record's name and aliases, normalised and padded for whole-word lookups. */
function padded(records: readonly Named[], minLength = 0): string[] {
  return records.flatMap((r) => [r.name, ...(r.aliases ?? [])]).map(normalize).filter((n) => n.length >= minLength).map((n) => ` ${n} `);
}

const knownNames = new WeakMap<AgreementData, { organisations: readonly string[]; actors: readonly string[] }>();

/**
 * The names data/ knows, built once per data version: `organisations` – every party, unit,
 * verksamhet, organ and förbund; `actors` – the parties, their units and the organs (groups), who can act.
 */
function namesOf(data: AgreementData): { organisations: readonly string[]; actors: readonly string[] } {
  let names = knownNames.get(data);
  if (names === undefined) {
    const actors: Named[] = [...data.parties, ...data.parties.flatMap((p) => [...p.units, ...p.otherNames]), ...data.organs];
    names = { organisations: padded([...actors, ...data.verksamheter, ...data.forbund]), actors: padded(actors, 3) };
    knownNames.set(data, names);
  }
  return names;
}

/** Verbs that open a sentence of advice ("Kontakta Avdelningschef …"): capitalised, and no name. */
const IMPERATIVES = new Set(['kontakta', 'ring', 'mejla', 'maila', 'skriv', 'se', 'fråga', 'vänd', 'läs']);

/**
 * True when the answer's own text names a person: two capitalised words in a row, neither a
 * common word, that are not (the genitive of) an organisation's name.
 */
export function namesPerson(data: AgreementData, reply: Reply): boolean {
  const common = commonWords(data);
  const { organisations } = namesOf(data);
  for (const m of ownText(reply).matchAll(NAME_PAIR)) {
    const [first, last] = [(m[1] ?? '').toLowerCase(), (m[2] ?? '').toLowerCase()];
    if (common.has(first) || common.has(last) || IMPERATIVES.has(first)) continue;
    // "Xxxxx Xxxxxxx": a name the document masks is no name given.
    if (/^x+$/u.test(first) && /^x+$/u.test(last)) continue;
    const pair = normalize(`${first} ${last}`);
    const forms = [` ${pair} `, ` ${pair.replace(/s$/u, '')} `];
    if (!organisations.some((n) => forms.some((f) => n.includes(f)))) return true;
  }
  return false;
}

/** A frequency: "var 6:e vecka", "varje månad", "två gånger per år", "årligen" (stricter than {@link givesFormValue}'s). */
export const FREQUENCY = /\b(?:var|varje|varannan|en gång|\d+ gånger|två gånger|tre gånger|fyra gånger)\b[^.]{0,20}?\b(?:vecka|veckor|månad|månader|år|tertial|kvartal)|\bper (?:vecka|månad|år)\b|\bårligen\b|\bvar \d+:e\b/iu;

/**
 * True when a line says who: a person's name, an organisation, unit or group data/ knows, or a
 * title ("utvecklingsledare", "ordförande") — what a "vem" question asks for.
 */
export function namesWho(data: AgreementData, line: string): boolean {
  if (namesPerson(data, { text: line })) return true;
  const text = ` ${normalize(line)} `;
  // A party, unit or group says who; a verksamhet is where, not who.
  if (namesOf(data).actors.some((n) => text.includes(n))) return true;
  return text.split(/[^\p{L}]+/u).some((w) => isTitle(w));
}

/** Details that reach a person or a place: another's telephone or address is no answer. */
const CONTACT_DETAILS: ReadonlySet<Detail> = new Set(['telefon', 'epost', 'adress', 'oppettider']);

/** The shape of each detail in an answer's own words (src/understanding/form.ts, DETAILS). */
const DETAIL_SHAPES: Record<Detail, RegExp> = {
  telefon: /(?<!\d)(?:\+46|0)\d{1,3}[-– ]?\d{2,3}[ ]?\d{2}[ ]?\d{2}(?!\d)/u,
  epost: /[\p{L}\d._-]+@[\p{L}\d-]+\.[\p{L}]{2,}/u,
  adress: /\p{L}+(?:gatan|vägen|väg|plan|gränd|allé|torg|backe|stig|leden)\s\d+|(?<!\d)\d{3} ?\d{2}\s\p{Lu}\p{Ll}+/u,
  oppettider: /(?<!\d)\d{1,2}[.:]\d{2}\s*[–-]\s*\d{1,2}[.:]\d{2}|öppet\s(?:mellan|vardagar|måndag)/iu,
  orgnr: /(?<!\d)\d{6}\s?[-–]\s?\d{4}(?!\d)/u,
  belopp: /\d\s*(?:tkr|kr\b|kronor|mkr|miljoner|kr\/|:-)/iu,
  konto: /(?<!\d)\d{3,4}-\d{4}(?!\d)|(?<!\d)\d{1,7}-\d(?!\d)/u,
  losenord: /lösenord(?:et)?\s*(?:är|:)\s*\S+/iu,
  klockslag: /(?<!\d)(?:kl\.?\s?)?\d{1,2}[.:]\d{2}(?!\d)|\bkl\.?\s?\d{1,2}\b/iu,
};

/**
 * The details the question asks for (a telephone number, an address …) that the answer never
 * gives. With `data`, a detail counts only in a line or fact about the question's subject (one
 * holding a distinctive word of the question): another contact's number does not give the number
 * of the one asked about.
 */
export function missedDetails(u: Pick<Understanding, 'form' | 'query' | 'text'>, reply: Reply, data?: AgreementData): Detail[] {
  const asked = askedDetails(u.query.tokens, u.form);
  if (asked.length === 0) return [];
  if (data === undefined) {
    const text = ownText(reply);
    return asked.filter((d) => !DETAIL_SHAPES[d].test(text));
  }
  const [headline = '', ...rest] = reply.text.split('\n');
  const subject = distinctiveTerms(data, u.text).filter((t) => !isDetailWord(t));
  const lines = [...rest, ...(reply.facts ?? []).filter((f) => !isSeeAlso(f)).map((f) => `${f.label} ${f.value}`)];
  const isAbout = (l: string) => { const stems = stemsOf(l); return subject.some((t) => hasTerm(stems, t)); };
  const about = subject.length === 0 ? [headline, ...lines] : [headline, ...lines].filter(isAbout);
  // A way to reach someone must be that one's, even in the headline; an amount or a number in the headline answers.
  return asked.filter((d) => !(CONTACT_DETAILS.has(d) ? about : [headline, ...about]).some((l) => DETAIL_SHAPES[d].test(l)));
}

const YEAR = /\b((?:19|20)\d\d)\b/gu;
const YEAR_RANGE = /\b((?:19|20)\d\d)\s?[–-]\s?((?:19|20)\d\d)\b/gu;

/** The years a text speaks of: each year it writes, and every year inside a range ("2014–2016"). */
function yearsIn(text: string): Set<string> {
  const years = new Set([...text.matchAll(YEAR)].map((m) => m[1] ?? ''));
  for (const m of text.matchAll(YEAR_RANGE)) {
    const [from, to] = [Number(m[1]), Number(m[2])];
    for (let y = from; y <= to && to - from <= 20; y += 1) years.add(String(y));
  }
  return years;
}

/**
 * The years the question asks about ("budget 2026", "beslut inför 2024") that neither the answer
 * nor its sources (their titles, sections and dates) speak of: an answer about other years.
 */
export function missedYears(u: Pick<Understanding, 'text'>, reply: Reply): string[] {
  const asked = yearsIn(u.text);
  if (asked.size === 0) return [];
  const sources = (reply.sources ?? []).map((s) => `${s.title ?? ''} ${s.section} ${s.date ?? ''}`);
  const said = yearsIn([ownText(reply), ...sources].join(' '));
  return [...asked].filter((y) => !said.has(y));
}

/**
 * The answer's lead: its first line and first fact. A date asked for must be there, not in a law's
 * number ("lagen (2003:1210)") or a passage further down that happens to hold a year.
 */
function leadOf(reply: Reply): Reply {
  const first = (reply.facts ?? []).find((f) => !isSeeAlso(f));
  const lines = reply.text.split('\n').filter((l) => l.trim() !== '');
  // A heading that announces a list ("Medlemssamråd:") leads with the list's first line.
  const lead = (lines[0] ?? '').trimEnd().endsWith(':') ? lines.slice(0, 2).join(' ') : lines[0] ?? '';
  return { text: lead, facts: first === undefined ? [] : [first], status: reply.status };
}

/** True when the answer answers the question as asked (see the module comment). */
export function answersQuestion(data: AgreementData, u: Understanding, reply: Reply): boolean {
  if (reply.status !== 'answered') return true;
  const day = u.query.tokens.some((t) => t === 'datum' || t === 'dag' || t === 'datumet');
  if (u.form === 'namn' && !namesPerson(data, reply)) return false;
  const leads = u.form !== 'nar' || givesFormValue(u.form, leadOf(reply), day);
  return givesFormValue(u.form, reply, day) && leads && missedVerksamheter(data, u, reply).length === 0 && missedUnits(u.query.tokens, reply).length === 0
    && missedDetails(u, reply, data).length === 0 && missedYears(u, reply).length === 0;
}

/**
 * True when the question asks about a thing no document names (absent.ts) and the answer does not
 * name it either: whatever it says, it is about something else ("vilken väntelista …" answered
 * with the referral rules). An answer that names the thing (a feature's own, e.g. the channel's
 * subscriptions) stands. Asked of answers from general rules and of the search's passages: a
 * feature that computed its answer from data it matched (the årshjul's "deadlines") knows the word.
 */
export function missesAbsentThing(data: AgreementData, u: Understanding, reply: Reply): boolean {
  const thing = absentThing(data, u);
  return thing !== undefined && !hasTerm(stemsOf(ownText(reply)), stemSwedish(normalize(thing)));
}
