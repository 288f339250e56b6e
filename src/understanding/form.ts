import { normalize } from '../domain/text.js';
/**
 * The form of a Swedish question, from its opening words: what kind of answer it asks for.
 * A yes/no question ("Kan en 23-åring …", "Får AF …", "Är …", "Måste …") gets "Ja" or "Nej"
 * first (DESIGN.md, The reply shape). Tokens are normalised (lower case, å/ä/ö folded).
 */
export const QUESTION_FORMS = ['yesno', 'vem', 'namn', 'nar', 'hur-mycket', 'hur-ofta', 'hur-lange', 'vad', 'other'] as const;
export type QuestionForm = (typeof QUESTION_FORMS)[number];

/** Verbs that open a yes/no question when they come first. */
const YESNO_OPENERS = new Set([
  'kan', 'far', 'ar', 'maste', 'behover', 'ska', 'skall', 'finns', 'galler', 'har', 'blir', 'racker', 'stammer', 'ingar',
  'omfattas', 'passar', 'kravs', 'brukar', 'sitter', 'deltar', 'ingick', 'fanns', 'var', 'hade', 'fick', 'borde', 'tillhor',
  'kommer', 'raknas', 'tar', 'gar', 'hor', 'matte', 'skulle', 'kunde', 'betalar', 'ersatter', 'tacker', 'funkar', 'fungerar',
]);

/** Nouns of an amount ("budgeten", "kostnaden", "arvodet", "beloppet"): "vad är X" then asks for a number. */
const AMOUNT_NOUN = /^(budget|kostnad|summa|belopp|arvode|avgift|pris|lon$|loner|lonen|ersattning|bidrag|anslag)/u;

/** Verbs of receiving or paying: with an amount noun after them, "vad" asks how much. */
const AMOUNT_VERBS = new Set(['far', 'fick', 'ger', 'gav', 'betalar', 'betalas', 'tjanar', 'utgar']);

/** Nouns of a point in time ("deadline", "sista dag", "datum"): "vad är X" then asks for a date. */
const TIME_NOUN = /^(deadline|datum|tidpunkt|sista|slutdatum|startdatum)/u;

/** Titles held by one person: "vem är ordförande" asks for a name. */
const TITLES = new Set(['ordforande', 'ordf', 'ordforanden', 'vice', 'forbundschef', 'forbundschefen', 'utvecklingsledare', 'utvecklingsledaren',
  'processledare', 'processledaren', 'verksamhetsutvecklare', 'verksamhetsutvecklaren', 'sekreterare', 'sekreteraren', 'administrator', 'administratoren']);

/** True when a normalised word is a title held by one person ("ordförande", "utvecklingsledaren"). */
export function isTitle(word: string): boolean {
  return TITLES.has(word);
}

/** Words between "vem är" and a title: "vem är den nuvarande ordföranden". */
const TITLE_MODIFIERS = new Set(['den', 'var', 'nuvarande', 'er', 'ny', 'nya']);

/** Question words that open a wh-question. */
const WH_WORDS = new Set(['vem', 'vems', 'vad', 'nar', 'hur', 'vilket', 'vilken', 'vilka', 'varfor']);

/** Subject pronouns: a question verb right before one is a question's inverted word order. */
const SUBJECTS = new Set(['hon', 'han', 'hen', 'personen', 'individen', 'klienten', 'deltagaren', 'jag', 'vi', 'ni', 'du', 'de', 'man']);

/** Strong past forms that end in neither -de nor -te. */
const STRONG_PAST = new Set(['foreslog', 'beslot', 'tog', 'gav', 'gick', 'blev', 'kom', 'satt', 'lag', 'skrev', 'sade', 'sa', 'drog', 'fanns', 'holl', 'stod', 'bar', 'drev']);
/** A definite noun ("beredningsgruppen", "förbundet", "parterna") or an abbreviation-sized name ("af", "fk"). */
const DEFINITE = /^(?:\p{L}{3,}(?:en|et|na|an)|\p{L}{2,3})$/u;
/** Short words that are no name: "Insatser för unga", "Kommuner som …" do not open with a verb. */
const FUNCTION_WORDS = new Set(['for', 'som', 'och', 'pa', 'av', 'med', 'till', 'att', 'nar', 'vid', 'mot', 'per', 'om', 'ut', 'in', 'upp', 'i', 'en', 'ett', 'har', 'kan', 'ar', 'var', 'fran', 'inom', 'utan', 'alla', 'nya', 'hos']);

/**
 * A past verb form (-ade, -dde, -tte, or a strong past), or with a question mark also a present
 * one (-ar, -er, -ir, -or): without one, "Målgrupper vuxentorget" is a plural noun and a name.
 */
function isFiniteVerb(word: string, marked: boolean): boolean {
  if (STRONG_PAST.has(word)) return true;
  if (word.length >= 6 && /(?:ade|dde|tte)$/u.test(word)) return true;
  return marked && word.length >= 5 && /(?:ar|er|ir|or)$/u.test(word);
}

/** True when a sentence opens with its verb ("Leder arbetet på …", a record's value): it names no subject of its own. */
export function opensWithVerb(sentence: string): boolean {
  const first = normalize(sentence).split(/[^\p{L}]+/u).find((w) => w !== '') ?? '';
  return isFiniteVerb(first, true);
}

/** Words that open a message without being its question ("hej", "jag undrar", "kan du säga"). */
const FILLER = new Set(['hej', 'hejsan', 'tja', 'hallo', 'halla', 'snalla', 'tack', 'fraga', 'jag', 'vi', 'undrar', 'vill', 'veta', 'skulle', 'vilja', 'bara', 'ok', 'okej']);
/** "Kan du säga/berätta …" is a request to answer the question that follows, not a yes/no question. */
const REQUEST_VERBS = new Set(['saga', 'beratta', 'kolla', 'visa', 'ta', 'hjalpa', 'ge', 'lista', 'forklara']);

function startAfterFiller(tokens: readonly string[]): number {
  let i = 0;
  while (i < tokens.length && FILLER.has(tokens[i] ?? '')) i += 1;
  // "jag undrar om X kan …": "om" opens an indirect yes/no question.
  if (i > 0 && tokens[i] === 'om') return i;
  // "kan du säga vem …", "kan ni berätta när …"
  if ((tokens[i] === 'kan' || tokens[i] === 'kunde') && (tokens[i + 1] === 'du' || tokens[i + 1] === 'ni') && REQUEST_VERBS.has(tokens[i + 2] ?? '')) {
    return i + 3 + (tokens[i + 3] === 'mig' || tokens[i + 3] === 'oss' ? 1 : 0);
  }
  return i;
}

/** The form of the question whose normalised tokens are `tokens`; `marked` when it ends with a question mark. */
export function questionForm(tokens: readonly string[], marked = false): QuestionForm {
  let i = startAfterFiller(tokens);
  // "Senast vilket datum …", "Till vem …", "Sedan när …": one word before the question word.
  if (!WH_WORDS.has(tokens[i] ?? '') && WH_WORDS.has(tokens[i + 1] ?? '')) i += 1;
  const first = tokens[i] ?? '';
  const second = tokens[i + 1] ?? '';
  if (first === 'om') return 'yesno';
  if (first === 'hur' && (second === 'mycket' || second === 'manga' || second === 'stor' || second === 'stort' || second === 'hog' || second === 'hogt')) return 'hur-mycket';
  if (first === 'hur' && second === 'ofta') return 'hur-ofta';
  // "Hur länge …", "hur långt i förväg …", "hur lång är väntetiden": a duration.
  if (first === 'hur' && (second === 'lange' || second === 'langt' || second === 'lang')) return 'hur-lange';
  // "Vad heter utvecklingsledaren?", "Vem är ordförande?": a person's name, not the role described.
  if (first === 'vad' && second === 'heter') return 'namn';
  if (first === 'vem' && (second === 'ar' || second === 'var' || second === 'e') && TITLES.has(tokens.slice(i + 2).find((t) => !TITLE_MODIFIERS.has(t)) ?? '')) return 'namn';
  if (first === 'vem' || first === 'vems' || first === 'vilka' && (second === 'personer' || second === 'ar' && tokens[i + 2] === 'kontakt')) return 'vem';
  // "Vilket datum …", "vilka mötesdatum …", "vilken dag …": a date is asked for.
  if (first === 'nar' || (first === 'vilket' || first === 'vilken' || first === 'vilka') && (/datum(en)?$/u.test(second) || second === 'dag' || second === 'dagar' || second === 'manad' || second === 'vecka')) return 'nar';
  if (first === 'vad' && (second === 'kostar' || second === 'kostade' || second === 'blev')) return 'hur-mycket';
  // "Vilken lön …", "vilket arvode …": the question word asks for an amount.
  if ((first === 'vilken' || first === 'vilket' || first === 'vilka') && AMOUNT_NOUN.test(second)) return 'hur-mycket';
  // "Vad får ledamöterna i arvode?", "vad ger det i ersättning": getting an amount.
  if (first === 'vad' && AMOUNT_VERBS.has(second) && tokens.slice(i + 2).some((t) => AMOUNT_NOUN.test(t))) return 'hur-mycket';
  // "Vad är budgeten/kostnaden/arvodet …" asks for an amount.
  if (first === 'vad' && (second === 'ar' || second === 'var' || second === 'blir') && AMOUNT_NOUN.test(tokens[i + 2] ?? '')) return 'hur-mycket';
  // "Vad var Steget vidares budget …", "vad är förbundets kostnad …": a genitive owner, then the amount noun.
  const owned = tokens.slice(i + 2, i + 5).findIndex((t) => AMOUNT_NOUN.test(t));
  if (first === 'vad' && (second === 'ar' || second === 'var' || second === 'blir') && owned > 0 && /s$/u.test(tokens[i + 1 + owned] ?? '')) return 'hur-mycket';
  if (first === 'vad' && (second === 'ar' || second === 'var' || second === 'blir') && TIME_NOUN.test(tokens[i + 2] ?? '')) return 'nar';
  if (first === 'vad' || first === 'vilka' || first === 'vilken' || first === 'vilket' || first === 'hur' || first === 'varfor' || first === 'var') {
    // "Var" is both "where" and "was": "var ligger …" asks, "var det …" is yes/no.
    if (first === 'var' && (second === 'det' || second === 'han' || second === 'hon')) return 'yesno';
    return 'vad';
  }
  if (YESNO_OPENERS.has(first)) return 'yesno';
  // Swedish puts the finite verb first only in a question (or a command, whose verb ends in -a):
  // "Föreslog beredningsgruppen bifall …?", "Betalade FK …?", "Planerar AF …?".
  if (isFiniteVerb(first, marked) && (SUBJECTS.has(second) || (DEFINITE.test(second) && !FUNCTION_WORDS.has(second)) || second === 'det' || second === 'den')) return 'yesno';
  // The question after a description ("Arbetslös 45-åring i Umeå … – hör hen till Vuxentorget?"):
  // a question verb directly before its subject pronoun is the inverted order of a yes/no question.
  for (let k = i + 1; k < tokens.length - 1; k += 1) {
    if (YESNO_OPENERS.has(tokens[k] ?? '') && SUBJECTS.has(tokens[k + 1] ?? '')) return 'yesno';
  }
  // A statement asked to be confirmed: "AF är väl inte part …?", "Kriminalvården har inga åtaganden än, eller?".
  if (marked && (tokens.includes('val') || tokens[tokens.length - 1] === 'eller')) return 'yesno';
  // "Stämmer det att …", "Är det så att …" already covered; other statements are other.
  return 'other';
}

/**
 * Where the question is in a message that describes first and asks last ("Vi ska lämna in vår
 * bilaga för 2027 – vad är deadline?", "17-åring i Värnamo … . Funkar teamet?"): the clause that
 * ends at the last question mark, after the last dash, colon, semicolon or full stop before it, or
 * after the comma that ends a condition ("Om vi vill säga upp avtalet, vad gäller?").
 * Undefined when the message is one clause or has no question mark.
 */
export function questionClause(text: string): string | undefined {
  const mark = text.lastIndexOf('?');
  // Without a question mark (a part of a composite question, a hasty message) only a colon, a dash
  // or a full stop ends the description: "Sitter i styrelsen: när tillträder …".
  if (mark < 0) return describedFirst(text);
  const head = text.slice(0, mark);
  // A condition first ("Om vi vill säga upp avtalet, vad gäller?"): the question after its comma.
  const boundary = /(?:\s[–—-]\s|[:;]\s|[.!]\s+|\?\s+|\n\s*|,\s+(?=(?:vem|vad|när|hur|vilk\p{L}*|varför|var)\s))/giu;
  let start = -1;
  for (const m of head.matchAll(boundary)) {
    // A comma opens the question only when it is the last one: ", när det gäller X, …" is an aside.
    if (m[0].startsWith(',') && head.indexOf(',', m.index + 1) >= 0) continue;
    start = m.index + m[0].length;
  }
  return start > 0 ? head.slice(start).trim() : undefined;
}

/** The clause after the last colon, dash, full stop or line break of a message without a question mark, when it opens with a question word. */
function describedFirst(text: string): string | undefined {
  let start = -1;
  // A line break ends a description too ("vc här, pat på fst\nvem ska jag stämma av med").
  for (const m of text.matchAll(/(?:\s[–—-]\s|[:;]\s|[.!]\s+|\n\s*|,\s+(?=(?:vem|vad|när|hur|vilk\p{L}*|varför)\s))/giu)) start = m.index + m[0].length;
  if (start <= 0) return undefined;
  const rest = text.slice(start).trim();
  return /^(?:vem|vems|vad|när|nar|hur|vilk\p{L}*|varför|varfor)\s/iu.test(rest) ? rest : undefined;
}

/**
 * The form of a whole message: the form of its question clause when that clause has one,
 * else of the whole message. `tokensOf` is the caller's tokeniser (normalised tokens).
 */
export function messageForm(text: string, tokensOf: (clause: string) => readonly string[]): QuestionForm {
  // "… arbetsförmedlare mot frivården, namn?": a message that ends asking for the name asks who by name.
  const all = tokensOf(text);
  if (NAME_WORDS.has(all[all.length - 1] ?? '')) return 'namn';
  const clause = questionClause(text);
  const own = clause === undefined ? 'other' : questionForm(tokensOf(clause), true);
  if (own !== 'other') return own;
  const tokens = tokensOf(text);
  const whole = questionForm(tokens, text.includes('?'));
  if (whole !== 'other') return whole;
  return asksDeadline(tokens) ? 'nar' : trailingForm(tokens);
}

/** The last word of a message that asks for a name. */
const NAME_WORDS = new Set(['namn', 'namnet', 'namnen']);

/** A message that ends asking for a deadline ("… extrautlysningen, sista dag?", "bilagan – deadline?") asks when. */
function asksDeadline(tokens: readonly string[]): boolean {
  const last = tokens[tokens.length - 1] ?? '';
  const before = tokens[tokens.length - 2] ?? '';
  return last === 'deadline' || last === 'deadlinen' || (before === 'sista' && /^(dag|dagen|datum|datumet|ansokningsdag|ansokningsdagen)$/u.test(last));
}

/** Question words that keep their meaning wherever a hastily typed question puts them. */
const LATE_WH_WORDS = new Set(['vem', 'vems', 'nar', 'hur']);

/**
 * The form of a question typed as keywords with its question word late ("nya styrelsen
 * tillträder när 2023", "ordförande ssg vem"): read from that word on. "Var" and "vad" are left
 * out — "var" is also "was", and "vad gäller …" opens no question.
 */
function trailingForm(tokens: readonly string[]): QuestionForm {
  const at = tokens.findIndex((t, k) => k > 0 && LATE_WH_WORDS.has(t));
  if (at < 0) return 'other';
  const rest = questionForm(tokens.slice(at));
  return rest === 'yesno' ? 'other' : rest;
}

/** Units that need no word of their own in an answer: amounts per year are the tables' columns. */
const IMPLIED_UNITS = new Set(['ar', 'aret', 'arligen', 'styck', 'st']);

/**
 * The units a question asks an amount or a count per ("arvode per möte", "kostnad per
 * deltagare"): an answer that never names the unit gives a total, not what was asked.
 */
export function perUnits(tokens: readonly string[]): string[] {
  const units: string[] = [];
  for (let k = 0; k < tokens.length - 1; k += 1) {
    const unit = tokens[k + 1] ?? '';
    if (tokens[k] === 'per' && unit.length >= 3 && !IMPLIED_UNITS.has(unit) && !/\d/u.test(unit)) units.push(unit);
  }
  return units;
}

/**
 * A detail the question asks for that has a recognisable shape in an answer: a telephone
 * number, an e-mail address, a street address, opening hours, an organisation number, an
 * amount of money. "Vad har X för telefonnummer?" is not answered by "Kontakta X".
 */
export const DETAILS = ['telefon', 'epost', 'adress', 'oppettider', 'orgnr', 'belopp', 'konto', 'losenord', 'klockslag'] as const;
export type Detail = (typeof DETAILS)[number];

const DETAIL_WORDS: readonly (readonly [Detail, RegExp])[] = [
  ['telefon', /^(telefon|tfn|tel$|mobilnummer|ringa$|ringer$|nummer$|numret$|nr$)/u],
  ['epost', /^(mejl|mail|epost|e-post|e-mail|email)/u],
  ['adress', /^(adress|postadress|besoksadress|gatuadress|postnummer)/u],
  ['oppettider', /^(oppettid|oppet$|oppna$)/u],
  ['orgnr', /^(organisationsnummer|orgnr|org\.?nr|organisationsnumret)/u],
  ['konto', /^(bankgiro|plusgiro|bg$|pg$|kontonummer|kontonumret|clearingnummer)/u],
  ['losenord', /^(losenord|losen$|losenordet)/u],
  ['klockslag', /^(klockslag|klockslaget|klockan$|tidpunkt|tidpunkten)$/u],
];

/** True when a normalised word names a detail ("telefonnummer", "mejl", "orgnr"): the question's detail, not its subject. */
export function isDetailWord(word: string): boolean {
  return DETAIL_WORDS.some(([, w]) => w.test(word)) || MONEY_WORDS.test(word);
}

/** Words of money: with "hur mycket" the amount asked for is one of money. */
const MONEY_WORDS = /^(budget|kostar|kostade|kostnad|kosta|arvode|ersattning|belopp|pengar|kronor|kr$|tkr$|lon$|lonen$|pris|finansier|medel$|bidrag)/u;

/** The details a question asks for (see DETAILS); a yes/no question asks for none, and an amount is money when a money word comes with "hur mycket". */
export function askedDetails(tokens: readonly string[], form: QuestionForm): Detail[] {
  // "Betalar förbundet telefon för teamen?" asks a yes or no about the telephone, not for its number.
  if (form === 'yesno') return [];
  const asked = new Set<Detail>();
  for (const t of tokens) for (const [detail, word] of DETAIL_WORDS) if (word.test(t)) asked.add(detail);
  // "Hur dags …?", "vilken tid börjar …?" ask for a clock time.
  if (tokens.some((t, k) => (t === 'dags' && tokens[k - 1] === 'hur') || (t === 'tid' && tokens[k - 1] === 'vilken'))) asked.add('klockslag');
  // "Hur många tjänster finansieras?" asks a count, not an amount of money.
  const count = tokens.some((t, k) => t === 'manga' && tokens[k - 1] === 'hur');
  if (form === 'hur-mycket' && !count && tokens.some((t) => MONEY_WORDS.test(t))) asked.add('belopp');
  return [...asked];
}
