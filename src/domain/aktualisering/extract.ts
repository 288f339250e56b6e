import type { Individprocess, ReferringParty } from '../../data/schemas/individprocesser.js';
import type { Forbund, Verksamhet } from '../../data/schemas/organisation.js';
import { withinOneEdit } from '../fuzzy.js';
import { normalize } from '../text.js';
import { negationSpans } from '../../understanding/negation.js';
import type { CaseFacts, FactKey } from './facts.js';
import { benefitMentions, extractBenefits } from './benefits.js';
import { tokenIs, tokens } from './words.js';
import { candidateNames, TYPO_NAME_LENGTH } from './verksamhetNames.js';

/**
 * Free-text fact extraction for the aktualiseringscheck (DESIGN.md, Language: users type fast
 * Swedish without å/ä/ö, with abbreviations and typos). Works on `normalize(text)`; longer key
 * words tolerate one edit. Verksamheter and municipalities come from data/ through a Lexicon.
 */

/** What the extractor needs to know from data/: the verksamheter's names, the förbund municipalities and the words for each referring party. */
export interface Lexicon {
  verksamheter: { id: string; forbund: string; names: string[] }[];
  municipalities: { name: string; forbund: string; key: string }[];
  /** Per referring party (individprocesser `referrer.cues`, every förbund's together), its cue stems. */
  referrers: { party: ReferringParty; cues: string[] }[];
  /** Normalised names and aliases of the förbund that no other förbund shares ("finnveden"). */
  forbundNames: string[];
  /**
   * The conditions of the förankring rules ("om individen bedöms stå nära arbetsmarknaden") and
   * of the målgrupper ("Arbetslös"), each with the stems of its content words: a question holding
   * them all states the condition.
   */
  conditions: { text: string; stems: string[] }[];
}

/** Words of a rule's condition that say nothing of its content ("om individen bedöms …"). */
const CONDITION_FILLER = new Set(['om', 'individen', 'personen', 'bedoms', 'bedomts', 'anses', 'att', 'sta', 'star', 'ar', 'har', 'en', 'ett', 'den', 'det', 'i', 'pa', 'av', 'till', 'for', 'med', 'som', 'sig', 'vara']);

/** The stems of a condition's content words: "arbetsmarknaden" → "arbetsmarkn", "nära" → "nara". */
function conditionStems(condition: string): string[] {
  return normalize(condition).split(/[\s/]+/u).filter((w) => w.length >= 3 && !CONDITION_FILLER.has(w)).map((w) => {
    const stem = w.replace(/(arna|erna|orna|en|et|na|ar|er|or|an|a|s)$/u, '');
    return stem.length >= 5 ? stem : w;
  });
}

/** Builds the Lexicon from loaded data (verksamheter names/aliases, förbund municipalities, referrer cues). */
export function buildLexicon(data: {
  verksamheter: readonly (Pick<Verksamhet, 'id' | 'name' | 'aliases'> & Partial<Pick<Verksamhet, 'malgrupp'>> & { forbund: string })[];
  forbund: readonly (Pick<Forbund, 'id' | 'municipalities'> & Partial<Pick<Forbund, 'name' | 'aliases'>> & { forbund: string })[];
  individprocesser?: readonly (Pick<Individprocess, 'referringParty' | 'referrer'> & Partial<Pick<Individprocess, 'forankring'>>)[];
}): Lexicon {
  const verksamheter = data.verksamheter.map((v) => ({
    id: v.id,
    forbund: v.forbund,
    // Two-letter aliases ("UT", "ST") are ordinary Swedish words once lower-cased.
    names: [...new Set([v.name, ...v.aliases].map(normalize).filter((n) => n.length >= 4))],
  }));
  const municipalities = data.forbund.flatMap((f) =>
    f.municipalities.map((name) => ({ name, forbund: f.id, key: normalize(name) })));
  const cues = new Map<ReferringParty, Set<string>>();
  for (const p of data.individprocesser ?? []) {
    const set = cues.get(p.referringParty) ?? new Set<string>();
    for (const c of p.referrer?.cues ?? []) set.add(normalize(c));
    cues.set(p.referringParty, set);
  }
  const referrers = [...cues].map(([party, set]) => ({ party, cues: [...set] }));
  const names = data.forbund.map((f) => [f.name ?? '', ...(f.aliases ?? [])].map(normalize).filter((n) => n.length >= 5));
  const forbundNames = names.flatMap((own, i) => own.filter((n) => !names.some((other, j) => j !== i && other.includes(n))));
  const texts = new Set([
    ...(data.individprocesser ?? []).flatMap((p) => (p.forankring ?? []).flatMap((r) => (r.condition === undefined ? [] : [r.condition]))),
    ...data.verksamheter.flatMap((v) => (v.malgrupp ?? []).flatMap((g) => g.conditions)),
  ]);
  const conditions = [...texts].map((text) => ({ text, stems: conditionStems(text) })).filter((c) => c.stems.length > 0);
  return { verksamheter, municipalities, referrers, forbundNames: [...new Set(forbundNames)], conditions };
}

const LEXICONS = new WeakMap<object, Lexicon>();

/** The Lexicon of a loaded data object, built once per data object (data/ is reloaded as a new object). */
export function lexiconFor(data: Parameters<typeof buildLexicon>[0]): Lexicon {
  const cached = LEXICONS.get(data);
  if (cached !== undefined) return cached;
  const built = buildLexicon(data);
  LEXICONS.set(data, built);
  return built;
}

// --- Referring party -------------------------------------------------------------------------

/** A benefit a party pays ("sjukpenning från FK", "ersättning från AF"). */
const BENEFIT_WORD = /^(sjukpen|aktivitetsersattning|ersattning|forsorjningsstod|bistand|aktivitetsstod|etableringsersattning|sjukersattning|lon)/u;

/** Words that, right before a party, mark it as the one consulted or referred to — not the one referring. */
const OBJECT_MARKERS = new Set(['med', 'hos', 'till', 'mot', 'kontakta', 'via', 'och']);
/** Words right before a party that mark it as the speaker or the referrer. */
const SUBJECT_MARKERS = ['jag ar pa', 'jag jobbar pa', 'jag arbetar pa', 'vi pa', 'vi ar pa', 'jag ar fran', 'fran', 'handlaggare pa', 'handlaggare inom', 'jag ar', 'vi ar', 'jobbar pa', 'jobbar inom', 'arbetar inom', 'vi inom', 'har pa'];
const REFERRING_VERBS = ['vill', 'ska', 'aktualiser', 'remitter', 'hanvis', 'skicka'];
/** Words after a party that make the next verb a time, not the party's act ("soc innan aktualisering"). */
const TIME_WORDS = new Set(['innan', 'fore', 'efter', 'vid', 'infor']);
/** A consultation right before a party ("kolla med nån på", "stämma av med", "prata med"): the party consulted. */
const CONSULT_BEFORE = /\b(?:kolla|stamma av|stamma|prata|forankra|samrada|fraga|ringa)\s+(?:med|m)\b/u;

function exactPartyToken(token: string, word: string): boolean {
  // Short abbreviations must match exactly ("af", "fk", "kv", "soc", "soc:s", "fk:s", "socen").
  if (word.length <= 4) return token === word || token === `${word}:s` || token === `${word}s` || (word === 'soc' && (token === 'socen' || token === 'socialen'));
  return tokenIs(token, word, 4);
}

interface PartyMention { party: ReferringParty; index: number; score: number }

/** The party that refers (aktualiserar), judged from the words around each party mention. */
export function extractReferringParty(normalized: string, lexicon: Pick<Lexicon, 'referrers'>): ReferringParty | undefined {
  const toks = tokens(normalized);
  const negated = negationSpans(toks);
  const mentions: PartyMention[] = [];
  toks.forEach((token, index) => {
    // "inte inskriven på AF", "varken AF eller FK inblandade": a party the person is not at does not refer.
    if (negated.some((n) => index >= n.start && index < n.end)) return;
    for (const { party, cues: words } of lexicon.referrers) {
      if (!words.some((w) => exactPartyToken(token, w))) continue;
      // "försörjningsstöd" alone is a benefit; "socialtjänstens försörjningsstödshandläggare" a party.
      const before = toks.slice(Math.max(0, index - 4), index).join(' ');
      const after = toks.slice(index + 1, index + 4).join(' ');
      let score = 1;
      if (SUBJECT_MARKERS.some((m) => before.endsWith(m))) score += 3;
      // "… soc vill aktualisera": the party's own verb; "… soc innan aktualisering" is the time of the consultation.
      const following = after.split(' ').slice(0, 2);
      if (!TIME_WORDS.has(following[0] ?? '') && REFERRING_VERBS.some((v) => following.some((w) => w.startsWith(v)))) score += 3;
      // "kolla m nån på soc", "stämma av med AF": the party consulted, not the one who refers.
      if (CONSULT_BEFORE.test(before)) score -= 3;
      if (index === 0) score += 1;
      const previous = toks[index - 1];
      if (previous !== undefined && OBJECT_MARKERS.has(previous)) score -= 3;
      // "sjukpenning från FK" names who pays the benefit, not who refers.
      if (previous === 'fran' && BENEFIT_WORD.test(toks[index - 2] ?? '')) score -= 6;
      mentions.push({ party, index, score });
    }
  });
  if (mentions.length === 0) {
    if (/\betablering/.test(normalized) && !/\b(inte|ej)\b.{0,20}etablering/.test(normalized)) return 'etableringsprogrammet';
    return undefined;
  }
  const best = [...mentions].sort((a, b) => b.score - a.score || a.index - b.index)[0];
  return best !== undefined && best.score > 0 ? best.party : undefined;
}

// --- Age, municipality, verksamhet, consent, exclusions ---------------------------------------

/** The person's age: "23-åring", "är 31", "31 år", "31 år gammal", "ålder 40"; a bare number only when `bare`. */
export function extractAge(normalized: string, bare = false): number | undefined {
  const patterns = [
    /\b(\d{1,2}) ?-? ?(?:arig|aring|aringar|arsaring)\b/,
    /\b(\d{1,2}) ?(?:ar|ars|år)\b(?! sedan| sen)/,
    /\b(?:ar|fyller|fyllt|fyllde|alder|aldern|age)(?: pa| ar)? (\d{1,2})\b(?! ?(?:%|procent|timmar|timme|dagar|veckor|manader|kr\b|tkr\b))/,
  ];
  for (const p of patterns) {
    const m = normalized.match(p);
    if (m?.[1] !== undefined) return Number(m[1]);
  }
  if (bare) {
    const m = normalized.match(/^(\d{1,3})(?: ar)?$/);
    if (m?.[1] !== undefined && Number(m[1]) <= 120) return Number(m[1]);
  }
  return undefined;
}

/** The municipality named in the text ("bor i Vannas", "Umeå kommun", "Vindelns"). */
export function extractMunicipality(normalized: string, lexicon: Lexicon): { name: string; forbund: string } | undefined {
  const toks = tokens(normalized);
  const negated = negationSpans(toks);
  // The first place named that is not negated: "bor inte i Umeå utan i Vännäs" lives in Vännäs.
  const candidates = lexicon.municipalities.flatMap((m) => {
    const at = toks.findIndex((t, k) => !negated.some((n) => k >= n.start && k < n.end)
      && (t === m.key || (t.startsWith(m.key) && t.length - m.key.length <= 2) || (m.key.length >= 6 && withinOneEdit(t, m.key))));
    return at >= 0 ? [{ m, at }] : [];
  });
  const first = candidates.sort((a, b) => a.at - b.at)[0];
  return first === undefined ? undefined : { name: first.m.name, forbund: first.m.forbund };
}

/** The home of a person who lives outside every list (the municipality question's "Annan kommun"). */
export const ELSEWHERE = 'annan kommun';

/** Words after "bor i" that are no place ("bor i en annan kommun", "bor i samma stad"). */
const NOT_PLACES = new Set(['en', 'ett', 'samma', 'annan', 'andra', 'narheten', 'stan', 'lagenhet', 'egen', 'eget']);

/**
 * "annan kommun" when the text says the person lives in a place the lexicon does not know ("bor i
 * Jönköping", "bosatt i Malmö") – the dialog's own value for a home outside the lists. What was typed
 * is never kept: it may be a street or a name, and dialog state holds no utterance text.
 */
function placeNamed(text: string): string | undefined {
  // "bor i X", and "bor inte i Y utan i X".
  const m = /\b(?:bor|bosatt|folkbokförd|folkbokford|skriven)\s+(?:inte\s+(?:i|på|pa)\s+[\p{L}-]+\s+utan\s+)?(?:i|på|pa)\s+(\p{L}[\p{L}-]{2,})/iu.exec(text);
  // The asker's kommun ("AME i Jönköpings kommun här"): a kommun's services are for its residents.
  const kommun = /\b(\p{Lu}[\p{L}-]{2,}?)s\s+kommun\b/u.exec(text);
  const place = m?.[1] ?? (kommun !== null && !NOT_PLACES.has(normalize(kommun[1] ?? '')) ? kommun[1] : undefined);
  if (place === undefined || NOT_PLACES.has(normalize(place))) return undefined;
  // A noun in its definite form typed in lower case ("bor i kommunen", "i området") is no place name.
  if (place === place.toLowerCase() && /(?:en|et|na)$/u.test(place)) return undefined;
  return ELSEWHERE;
}

/** The verksamhet named in the text, by its name or aliases in data/. Longest name wins. */
export function extractVerksamhet(normalized: string, lexicon: Lexicon): { id: string; forbund: string } | undefined {
  const padded = ` ${normalized} `;
  const toks = tokens(normalized);
  let best: { id: string; forbund: string; length: number } | undefined;
  // Only the names that can be in the text (verksamhetNames.ts), in lexicon order.
  for (const { verksamhet: v, name, forms } of candidateNames(lexicon.verksamheter, padded, toks)) {
    const hit = forms.some((f) => padded.includes(f)) || (name.length >= TYPO_NAME_LENGTH && toks.some((t) => withinOneEdit(t, name)));
    if (hit && (best === undefined || name.length > best.length)) best = { id: v.id, forbund: v.forbund, length: name.length };
  }
  return best && { id: best.id, forbund: best.forbund };
}

/** Consent stated as a fact ("har gett samtycke" → true, "inget samtycke" → false); a question about consent is no fact. */
export function extractConsent(normalized: string): boolean | undefined {
  if (!/samtyck|medgivande|samtyck/.test(normalized)) return undefined;
  if (/\b(inget|ingen|inte|ej|saknar|utan|saknas|nekat|nekar|vagrar|aterkall\w*)\b[\w ]{0,25}(samtyck|medgivande)|(samtycke|medgivande)[\w ]{0,15}\b(saknas|finns inte|finns ej|nej)\b/.test(normalized)) return false;
  if (/\b(behover|maste|kravs|krav|ska|skall|fa|far|innan|hur|vad|varfor|galler)\b/.test(normalized) && !/\b(har|finns)\b[\w ]{0,20}(samtyck|medgivande)|(samtycke|medgivande) (finns|ar gett|ar lamnat)|\bsamtyckt\b/.test(normalized)) return undefined;
  if (/\b(har|finns|gett|gav|lamnat|lamnade|skrivit|undertecknat|ja)\b[\w ]{0,25}(samtyck|medgivande)|(samtycke|medgivande) (finns|ar gett|ar lamnat|ja)|\bsamtyckt\b|\bsamtycker\b/.test(normalized)) return true;
  return undefined;
}

/** Active substance abuse affecting rehabilitation (Finnveden exclusion): stated yes/no. */
export function extractSubstanceAbuse(normalized: string): boolean | undefined {
  if (!/missbruk/.test(normalized)) return undefined;
  if (/\b(inget|ingen|inte|ej|utan|saknar)\b[\w ]{0,15}missbruk|missbruk\w*[\w ]{0,10}\b(nej|inte|saknas)\b/.test(normalized)) return false;
  if (/\b(har|aktivt|pagaende|missbrukar)\b[\w ]{0,15}missbruk|\bmissbrukar\b|missbruk\w* ja\b/.test(normalized)) return true;
  return undefined;
}

/** Medical or social obstacles to starting arbetsförberedande insatser: stated yes/no. */
export function extractObstacles(normalized: string): boolean | undefined {
  if (!/\bhinder\b/.test(normalized)) return undefined;
  if (/\b(inga|inget|inte|ej|utan)\b[\w ]{0,20}\bhinder\b/.test(normalized)) return false;
  if (/\b(har|finns|medicinska|sociala)\b[\w ]{0,20}\bhinder\b/.test(normalized)) return true;
  return undefined;
}

const DONT_KNOW = /^(vet (inte|ej)|okant|okand|oklart|ingen aning|osaker|vet ej)$/;

/** True when the whole answer means "I don't know". */
export function isDontKnow(normalized: string): boolean {
  return DONT_KNOW.test(normalized.replace(/[.!]+$/, '').trim());
}

/**
 * Every fact the text states. `expecting` is the fact the dialog just asked for: it lets a bare
 * answer ("31", "inga", "vet inte") count.
 */
export { extractBenefits };

export function extractFacts(text: string, lexicon: Lexicon, expecting?: FactKey): Partial<CaseFacts> {
  const n = normalize(text);
  const facts: Partial<CaseFacts> = {};
  if (expecting !== undefined && isDontKnow(n)) {
    if (expecting === 'benefits') facts.benefits = ['okand'];
    facts.unknown = [expecting];
    return facts;
  }
  const party = extractReferringParty(n, lexicon);
  if (party !== undefined) facts.referringParty = party;
  const mentioned = benefitMentions(n);
  if (mentioned.lacked.length > 0) facts.lacks = mentioned.lacked;
  const benefits = extractBenefits(n) ?? (expecting === 'benefits' && /^(nej|har )?(inget|inga|ingen|ingenting)?( alls)?$|^nej$/.test(n) && n !== '' ? ['ingen' as const] : undefined);
  if (benefits !== undefined) facts.benefits = benefits;
  const age = extractAge(n, expecting === 'age');
  if (age !== undefined) facts.age = age;
  const municipality = extractMunicipality(n, lexicon);
  if (municipality !== undefined) facts.municipality = municipality.name;
  else {
    // A home no förbund of data/ has ("bor i Jönköping"): known, and outside every residence list.
    const elsewhere = placeNamed(text);
    if (elsewhere !== undefined) facts.municipality = elsewhere;
  }
  const verksamhet = extractVerksamhet(n, lexicon);
  if (verksamhet !== undefined) {
    facts.verksamhet = verksamhet.id;
    facts.forbund = verksamhet.forbund;
  } else if (municipality !== undefined) {
    facts.forbund = municipality.forbund;
  }
  const consent = extractConsent(n) ?? (expecting === 'consent' ? yesNo(n) : undefined);
  if (consent !== undefined) facts.consent = consent;
  const abuse = extractSubstanceAbuse(n) ?? (expecting === 'substanceAbuse' ? yesNo(n) : undefined);
  if (abuse !== undefined) facts.substanceAbuse = abuse;
  const obstacles = extractObstacles(n) ?? (expecting === 'obstacles' ? yesNo(n) : undefined);
  if (obstacles !== undefined) facts.obstacles = obstacles;
  const conditions = extractConditions(n, lexicon);
  if (conditions !== undefined) facts.conditions = conditions;
  // A bare "FK" answers "who refers?"; a bare "nej" answers a yes/no question only.
  if (expecting === 'referringParty' && facts.referringParty === undefined && facts.benefits?.includes('etableringsersattning')) {
    facts.referringParty = 'etableringsprogrammet';
  }
  return facts;
}

/**
 * The rule conditions the text states ("min klient bedöms stå nära arbetsmarknaden" → true,
 * "står inte nära arbetsmarknaden" → false): every content stem of the condition is there,
 * and a negation covering one of them makes it false.
 */
export function extractConditions(normalized: string, lexicon: Pick<Lexicon, 'conditions'>): Record<string, boolean> | undefined {
  const tokens = normalized.split(/\s+/u);
  const negated = negationSpans(tokens);
  const found: Record<string, boolean> = {};
  for (const c of lexicon.conditions) {
    const at = c.stems.map((stem) => tokens.findIndex((t) => t.startsWith(stem)));
    if (at.some((i) => i < 0)) continue;
    found[c.text] = !at.some((i) => negated.some((span) => i >= span.start && i < span.end));
  }
  return Object.keys(found).length > 0 ? found : undefined;
}

/** "ja"/"nej" answers. */
export function yesNo(normalized: string): boolean | undefined {
  const t = normalized.replace(/[.!]+$/, '').trim();
  if (/^(ja|japp|jo|javisst|absolut|stammer|det har (hon|han|hen|den|personen)|ja det (har|finns))\b/.test(t)) return true;
  if (/^(nej|nope|inte|nej det (har|finns))\b/.test(t)) return false;
  return undefined;
}
