/**
 * "Ja" or "Nej" first for a yes/no question (DESIGN.md, The reply shape), read from the sentence
 * that answers it — only where that sentence decides it:
 * - a limit: the question's amount against the sentence's "minst/högst/max N" of the same unit
 *   ("6 timmar i veckan" against "minst 10 timmar/vecka" → Nej);
 * - a negated predicate: the question's own word said with "ej/inte/icke" in the answer
 *   ("samlokaliserad?" against "(ej samlokaliserade)" → Nej);
 * - a requirement the question does without ("utan samtycke?" against "bygger på … samtycke",
 *   "inte 10 tim/v" against "minst 10 timmar/vecka" → Nej);
 * - a decision: "bifall?" against "Avslag" → Nej, against "bifall" → Ja;
 * - a count per period: "två gånger per år?" against "tre rapporter per år" → Nej;
 * - a year against the period something holds for: "gäller den 2024?" against "gäller … till 2023-12-31" → Nej.
 * - a negated statement asked to be confirmed ("… väl inte …?") that the sentence negates too → Stämmer.
 * Anything else gives no verdict: the answer's sentence stands on its own, never a guessed "Ja".
 */
import { normalize } from '../text.js';
import { stemSwedish } from '../search/tokenize.js';

export type Verdict = 'Ja' | 'Nej' | 'Stämmer';

const UNITS: Record<string, string> = {
  timme: 'timme', timmar: 'timme', tim: 'timme', h: 'timme',
  dag: 'dag', dagar: 'dag', vecka: 'vecka', veckor: 'vecka', manad: 'manad', manader: 'manad',
  ar: 'ar', procent: 'procent', '%': 'procent', tkr: 'tkr', kr: 'kr', personer: 'person', deltagare: 'person',
};
const NUMBER = String.raw`(\d+(?:[,.]\d+)?)`;
const UNIT = String.raw`(timmar|timme|tim|dagar|dag|veckor|vecka|manader|manad|ar|procent|%|tkr|kr|personer|deltagare)\b`;
const AMOUNT = new RegExp(String.raw`${NUMBER}\s?${UNIT}`, 'gu');
const LIMIT = new RegExp(String.raw`\b(minst|lagst|hogst|max|maximalt|som mest|upp till|over|under)\s${NUMBER}\s?${UNIT}`, 'gu');
const NEGATIONS = new Set(['ej', 'inte', 'icke', 'aldrig', 'ingen', 'inga', 'inget']);

const num = (s: string) => Number(s.replace(',', '.'));

/** The verdict a limit in the sentence gives the question's amount of the same unit. */
function limitVerdict(question: string, sentence: string): Verdict | undefined {
  const asked = [...question.matchAll(AMOUNT)].map((m) => ({ value: num(m[1] ?? ''), unit: UNITS[m[2] ?? ''] }));
  if (asked.length !== 1) return undefined;
  const [a] = asked;
  for (const m of sentence.matchAll(LIMIT)) {
    const [, word = '', value = '', unit = ''] = m;
    if (UNITS[unit] !== a?.unit || a === undefined) continue;
    const limit = num(value);
    const atLeast = word === 'minst' || word === 'lagst' || word === 'over';
    const strict = word === 'over' || word === 'under';
    if (atLeast) return (strict ? a.value > limit : a.value >= limit) ? 'Ja' : 'Nej';
    return (strict ? a.value < limit : a.value <= limit) ? 'Ja' : 'Nej';
  }
  return undefined;
}

/** Verbs and small words that say nothing of their own after a negation ("inte kan få stödet"). */
const AUXILIARIES = new Set(['kan', 'kunde', 'fa', 'far', 'fick', 'ska', 'skall', 'skulle', 'maste', 'bor', 'har', 'hade', 'ar', 'var', 'blir', 'bli', 'vara',
  'finns', 'fanns', 'galler', 'gors', 'sig', 'det', 'den', 'de', 'dem', 'man', 'alls', 'heller', 'langre', 'annu', 'med', 'for', 'att', 'till']);
/** How many words after a negation its predicate may stand ("ej samlokaliserade", "inte kan få stödet"). */
const NEGATION_REACH = 3;

/** "Nej" when a content word of the question is said negated in the sentence. */
function negatedVerdict(questionWords: readonly string[], sentence: string): Verdict | undefined {
  const words = sentence.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  const asked = new Set(questionWords.filter((w) => w.length >= 4 && !NEGATIONS.has(w) && !AUXILIARIES.has(w)).map(stemSwedish));
  for (let i = 0; i < words.length; i += 1) {
    if (!NEGATIONS.has(words[i] ?? '')) continue;
    // The negated predicate: the first word after the negation that is not an auxiliary ("inte kan få stödet").
    const predicate = words.slice(i + 1, i + 1 + NEGATION_REACH).find((w) => !AUXILIARIES.has(w));
    if (predicate === undefined || predicate.length < 4) continue;
    const stem = stemSwedish(predicate);
    // "stödet" says the question's "stöd": the asked stem begins the word's.
    if (asked.has(stem) || [...asked].some((a) => stem.startsWith(a) && stem.length - a.length <= 3)) return 'Nej';
  }
  return undefined;
}

/** Verbs of being there or taking part: "finns det X?", "ingår X?", "sitter X i …?" asks whether. */
const PRESENCE = new Set(['finns', 'fanns', 'ingar', 'ingick', 'sitter', 'satt', 'deltar', 'deltog', 'har', 'hade', 'ges', 'gavs', 'utgar', 'utgick']);
/** Words for money: "finns det pengar …?" is answered by "inget belopp", "inget ekonomiskt utrymme". */
const MONEY = new Set(['pengar', 'medel', 'belopp', 'budget', 'utrymme', 'finansiering', 'ersattning', 'kostnad', 'tkr', 'kr']);

/**
 * "Nej" when the sentence says the question's verb of presence negated ("finns det …?" against
 * "finns inget ekonomiskt utrymme", "ingår X?" against "ingår inte") or says no money where money
 * is asked ("finns det pengar till X 2025?" against "X 2025: inget belopp").
 */
function absenceVerdict(qWords: readonly string[], sentence: string): Verdict | undefined {
  const words = sentence.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  const verb = qWords.find((w) => PRESENCE.has(w));
  const asksMoney = qWords.some((w) => MONEY.has(w));
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i] ?? '';
    const next = words.slice(i + 1, i + 3);
    if (verb !== undefined && w === verb && next.some((n) => NEGATIONS.has(n))) return 'Nej';
    if (asksMoney && NEGATIONS.has(w) && words.slice(i + 1, i + 3).some((n) => MONEY.has(n))) return 'Nej';
  }
  return undefined;
}

/** "Underskott?" against a negative result, "överskott?" against a positive one: the sign of the sentence's amount decides. */
function signVerdict(qWords: readonly string[], sentence: string): Verdict | undefined {
  const deficit = qWords.some((w) => w.startsWith('underskott'));
  const surplus = qWords.some((w) => w.startsWith('overskott'));
  if (deficit === surplus || !/\bresultat\b/u.test(sentence)) return undefined;
  const amount = /resultat\w*(?: \d{4})?:? (?:\d{4}: )?(-|−|–)?\s?\d/u.exec(sentence);
  if (amount === null) return undefined;
  const negative = amount[1] !== undefined;
  return negative === deficit ? 'Ja' : 'Nej';
}

/** Words of a question asking whether an older statement still holds ("fortfarande", "längre", "nu", "i dag"). */
const STILL = new Set(['fortfarande', 'langre', 'nu', 'idag', 'numera', 'kvar']);
/** How a superseded statement is said after the current one (src/domain/answers/search.ts, answerFirst.ts). */
export const OLDER_STATEMENT = 'Äldre uppgift';

/**
 * "Gäller det fortfarande?": the answer says the current statement and, after "Äldre uppgift", the
 * older one. The question's own content words said only by the older statement → Nej; said by the
 * current one → Ja.
 */
function stillVerdict(qWords: readonly string[], sentence: string): Verdict | undefined {
  if (!qWords.some((w) => STILL.has(w)) && !(qWords.includes('i') && qWords.includes('dag'))) return undefined;
  const at = sentence.indexOf(normalize(OLDER_STATEMENT));
  if (at < 0) return undefined;
  const stems = (t: string) => new Set(t.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4).map(stemSwedish));
  const current = stems(sentence.slice(0, at));
  const older = stems(sentence.slice(at));
  const asked = [...new Set(qWords.filter((w) => w.length >= 5 && !AUXILIARIES.has(w) && !STILL.has(w)).map(stemSwedish))];
  const inCurrent = asked.filter((a) => current.has(a));
  const onlyOlder = asked.filter((a) => older.has(a) && !current.has(a));
  if (onlyOlder.length > 0 && onlyOlder.length > inCurrent.length) return 'Nej';
  return undefined;
}

const MONTH_NAMES = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/**
 * "Ligger planeringsdagen i september?" against "fredag 6 oktober 2023 (2023-10-06) – Planeringsdag": the
 * month asked against the day the sentence opens with. Only a question that names a month and no day.
 */
function monthVerdict(qWords: readonly string[], sentence: string): Verdict | undefined {
  const asked = MONTH_NAMES.findIndex((m) => qWords.includes(m));
  if (asked < 0 || qWords.some((w) => /^\d{1,2}$/u.test(w))) return undefined;
  const day = /^(?:\p{L}+ )?\d{1,2} (\p{L}+) (?:19|20)\d\d|^(?:19|20)\d\d-(\d\d)-\d\d/u.exec(sentence.replace(/^senast /u, ''));
  if (day === null) return undefined;
  const month = day[1] !== undefined ? MONTH_NAMES.indexOf(day[1]) : Number(day[2]) - 1;
  if (month < 0) return undefined;
  return month === asked ? 'Ja' : 'Nej';
}

/** Counts said in words ("två gånger per år"); "en/ett" are left out, they are articles as often as numbers. */
const COUNT_WORDS: Record<string, number> = { tva: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, atta: 8, nio: 9, tio: 10, elva: 11, tolv: 12 };
const PER = /\b(\d+|tva|tre|fyra|fem|sex|sju|atta|nio|tio|elva|tolv)\s(?:\p{L}+\s){0,2}?(?:per|i|om|varje)\s(ar|aret|manad|manaden|vecka|veckan|termin|terminen|tertial)\b/gu;

/** The counts a text gives per period ("tre rapporter per år" → ar: 3). */
function countsPer(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of text.matchAll(PER)) {
    const [, n = '', period = ''] = m;
    out.set(stemSwedish(period), COUNT_WORDS[n] ?? Number(n));
  }
  return out;
}

/**
 * A count per period against the sentence's count for the same period: "räcker det att rapportera
 * två gånger per år?" against "lämnar tre rapporter per år" → Nej; the same count → Ja. A count
 * above the sentence's decides nothing (more may be allowed).
 */
function countVerdict(question: string, sentence: string): Verdict | undefined {
  const asked = countsPer(question);
  if (asked.size !== 1) return undefined;
  const said = countsPer(sentence);
  for (const [period, n] of asked) {
    const m = said.get(period);
    if (m === undefined) continue;
    if (n === m) return 'Ja';
    if (n < m) return 'Nej';
  }
  return undefined;
}

/** Words that make what follows a requirement ("bygger på att …", "kräver", "minst 10 timmar"). */
const REQUIRES = /\b(bygger pa|kraver|forutsatter|maste|endast|bara|minst|villkor)\b/gu;
/** Words that open what a negated question lacks ("utan att …", "inte har …", "saknar …"). */
const LACKS = new Set(['utan', 'inte', 'ej', 'saknar', 'ingen', 'inga', 'inget']);
/** How far a requirement and a lack reach, in words. */
const REACH = 10;
const LACK_REACH = 6;

/**
 * "Nej" for a question about doing something without what the sentence requires: "kan jag
 * aktualisera utan att personen har gett sitt samtycke?" against "all samverkan bygger på att
 * individen har lämnat sitt medgivande (samtycke)"; "om kunden inte har 10 tim/v" against
 * "minst 10 timmar/vecka".
 */
function lackVerdict(qWords: readonly string[], sentence: string): Verdict | undefined {
  // "… direkt utan att gå via AF/FK/soc?" against "alla deltagare aktualiseras via …": the way round is required.
  const skipsVia = qWords.some((w, i) => w === 'utan' && qWords.slice(i + 1, i + 5).includes('via'));
  if (skipsVia && /\b(?:alla|samtliga|endast|bara)\b[^.]{0,60}\bvia\b/u.test(sentence)) return 'Nej';
  const lacked = new Set<string>();
  for (let i = 0; i < qWords.length; i += 1) {
    if (!LACKS.has(qWords[i] ?? '')) continue;
    for (const w of qWords.slice(i + 1, i + 1 + LACK_REACH)) if (w.length >= 5 || /^\d/u.test(w)) lacked.add(/^\d/u.test(w) ? w : stemSwedish(w));
  }
  if (lacked.size === 0) return undefined;
  for (const m of sentence.matchAll(REQUIRES)) {
    const after = sentence.slice(m.index + m[0].length).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '').slice(0, REACH);
    if (after.some((w) => (/^\d/u.test(w) ? lacked.has(w) : w.length >= 5 && lacked.has(stemSwedish(w))))) return 'Nej';
  }
  return undefined;
}

/** A period a sentence says something holds for: "från och med 2023-01-01 till 2023-12-31", "2021–2022" (normalised: "2021 2022"). */
const PERIOD = /\b((?:19|20)\d\d)(?:-\d\d-\d\d)?\s?(?:[–-]|till(?: och med)?|t\.?o\.?m\.?|(?=\s))\s?((?:19|20)\d\d)(?:-\d\d-\d\d)?\b/u;
const VALIDITY = /\b(galler|gallde|giltig\w*|loper|lopte|varar|varade|forlang\w*)\b/u;

/**
 * Whether something holds in a year, against the period the sentence gives it: "gäller
 * överenskommelsen även 2024?" against "gäller från och med 2023-01-01 till 2023-12-31" → Nej.
 */
function periodVerdict(q: string, sentence: string): Verdict | undefined {
  if (!VALIDITY.test(q) || !VALIDITY.test(sentence)) return undefined;
  const period = PERIOD.exec(sentence);
  // "Gäller den tills vidare?": a period with an end says no, "tills vidare" in the sentence yes.
  if (/\btills? ?vidare\b/u.test(q)) return /\btills? ?vidare\b/u.test(sentence) ? 'Ja' : period !== null ? 'Nej' : undefined;
  const asked = [...q.matchAll(/\b((?:19|20)\d\d)\b/gu)].map((m) => Number(m[1]));
  if (asked.length !== 1 || period === null) return undefined;
  const [year] = asked as [number];
  return year >= Number(period[1]) && year <= Number(period[2]) ? 'Ja' : 'Nej';
}

/** Decision words: a question about one outcome answered by the other. */
const GRANTED = /\b(bifall|bifalla|bifalls|beviljad|beviljade|beviljas|bevilja|godkand|godkande|godkanna|godkandes|tillstyrk\w*)\b/u;
const REFUSED = /\b(avslag|avsla|avslas|avslogs|avslagen|avslaget|avstyrk\w*)\b/u;

/** A decision taken, and a proposal made. */
const DECIDED = /\b(beslut\w*|beslot|beslutat)\b/u;
const PROPOSED = /\b(forslag\w*|foresl\w*)\b/u;

/** "Föreslog beredningen bifall …?" against "förslag: Avslag" → Nej; against "bifall" → Ja. */
function decisionVerdict(q: string, sentence: string): Verdict | undefined {
  // "Beslutade/beviljade styrelsen …?" is not answered by a proposal ("beredningsgruppens förslag: Bifall"): a proposal decides nothing.
  // A question about the beredningsgrupp asks for its proposal.
  const asksProposal = PROPOSED.test(q) || /\bberedning\w*/u.test(q);
  if (!asksProposal && PROPOSED.test(sentence) && !DECIDED.test(sentence)) return undefined;
  // "Beslutet om X står inte i dokumenten – förslaget var: Bifall" decides nothing either.
  if (/\b(?:star|finns) inte\b/u.test(sentence)) return undefined;
  // "Fick ansökan ja/stöd/pengar av beredningsgruppen?" asks whether it was granted.
  const askedGranted = GRANTED.test(q) || /\bfick\b.{0,80}\b(?:ja|stod|pengar|medel)\b/u.test(q);
  const askedRefused = REFUSED.test(q);
  if (askedGranted === askedRefused) return undefined;
  const saysGranted = GRANTED.test(sentence);
  const saysRefused = REFUSED.test(sentence);
  if (saysGranted === saysRefused) return undefined;
  return askedGranted === saysGranted ? 'Ja' : 'Nej';
}

/** A question that asks to have a statement confirmed: "X är väl inte …?", "Stämmer det att …", "… , eller?". */
function asksConfirmation(qWords: readonly string[]): boolean {
  return qWords.includes('val') || qWords[qWords.length - 1] === 'eller'
    || (qWords[0] === 'stammer' && qWords[1] === 'det') || (qWords[0] === 'ar' && qWords[1] === 'det' && qWords[2] === 'sa');
}

/** How far after a negation in the sentence a word of the question may stand to be what it negates. */
const AGREE_REACH = 4;

/**
 * "Stämmer" for a negated statement the user asks to have confirmed, when the sentence negates
 * the same thing: "AF är väl inte part i avtalet?" against "AF kan ingå men ej som en finansierad
 * part" → Stämmer. A sentence that does not negate it decides nothing (no guessed "Jo").
 */
function agreeVerdict(qWords: readonly string[], sentence: string): Verdict | undefined {
  if (!asksConfirmation(qWords)) return undefined;
  const asked = [...new Set(qWords.filter((w) => w.length >= 4 && !NEGATIONS.has(w) && !AUXILIARIES.has(w) && w !== 'stammer').map(stemSwedish))];
  const words = sentence.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  for (let i = 0; i < words.length; i += 1) {
    if (!NEGATIONS.has(words[i] ?? '')) continue;
    for (const w of words.slice(i + 1, i + 1 + AGREE_REACH)) {
      if (w.length < 4 || AUXILIARIES.has(w)) continue;
      const stem = stemSwedish(w);
      if (asked.some((a) => stem === a || (a.length >= 4 && stem.startsWith(a) && stem.length - a.length <= 3))) return 'Stämmer';
      // "… har väl inga pengar 2025?" against "2025: inget belopp": money said negated either way.
      if (MONEY.has(w) && qWords.some((q) => MONEY.has(q))) return 'Stämmer';
    }
  }
  return undefined;
}

/**
 * The verdict the answering sentence gives a yes/no question, or undefined when it does not
 * decide it. A question that is itself negated ("har inte …", "utan …") reads "Ja" and "Nej"
 * the other way round: only a requirement the question lacks decides it ("Nej").
 */
export function verdictOf(question: string, sentence: string): Verdict | undefined {
  const q = normalize(question);
  const s = normalize(sentence);
  const qWords = q.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  if (qWords.some((w) => NEGATIONS.has(w) || w === 'utan')) return lackVerdict(qWords, s) ?? agreeVerdict(qWords, s) ?? stillVerdict(qWords, s);
  return stillVerdict(qWords, s) ?? monthVerdict(qWords, s) ?? limitVerdict(q, s) ?? countVerdict(q, s) ?? periodVerdict(q, s) ?? negatedVerdict(qWords, s) ?? absenceVerdict(qWords, s)
    ?? signVerdict(qWords, s) ?? decisionVerdict(q, s);
}
