/**
 * Generic Swedish synonyms and abbreviations people type in chat (DESIGN.md, Language:
 * "ÖVK, GK, T2 …"). These are words, not facts: names of parties, units, groups and
 * verksamheter come from data/ (their `aliases`); this file only adds the common short forms
 * the documents themselves do not spell out, and the everyday words for the same thing.
 * Everything is in normalised form (lower case, å/ä/ö folded, see text.ts `normalize`).
 */

/** Whole-word rewrites applied before intent and search: typed form → canonical words. */
export const WORD_SYNONYMS: Readonly<Record<string, string>> = {
  ovk: 'overenskommelse',
  ovken: 'overenskommelsen',
  overensk: 'overenskommelse',
  gk: 'gemensam kartlaggning',
  vp: 'verksamhetsplan',
  orgnr: 'organisationsnummer',
  orgnummer: 'organisationsnummer',
  'org.nr': 'organisationsnummer',
  'org.nummer': 'organisationsnummer',
  organisationsnr: 'organisationsnummer',
  orgnumret: 'organisationsnumret',
  tel: 'telefon',
  tfn: 'telefon',
  telnr: 'telefonnummer',
  mejla: 'mejl',
  mail: 'mejl',
  mailen: 'mejl',
  epost: 'mejl',
  'e-post': 'mejl',
  kontaktpers: 'kontaktperson',
  sf: 'samordningsforbundet',
  fst: 'forsorjningsstod',
  ame: 'arbetsmarknadsenheten',
  sjukpenningen: 'sjukpenning',
  akt: 'aktivitetsersattning',
  mkt: 'mycket',
  mycke: 'mycket',
};

/** Two-word forms rewritten to one canonical word before matching ("org nr" → organisationsnummer). */
export const PHRASE_SYNONYMS: ReadonlyArray<readonly [string, string]> = [
  ['org nr', 'organisationsnummer'],
  ['org nummer', 'organisationsnummer'],
  ['organisations nummer', 'organisationsnummer'],
  ['e post', 'mejl'],
  ['ta kontakt', 'kontakta'],
  ['vanda mig', 'kontakta'],
  ['vander jag mig', 'kontakta'],
  ['vander man sig', 'kontakta'],
  ['hor av mig', 'kontakta'],
  ['saga upp', 'uppsagning'],
  ['sager upp', 'uppsagning'],
  ['folja upp', 'uppfoljning'],
  ['foljs upp', 'uppfoljning'],
  ['foljer upp', 'uppfoljning'],
  ['atar sig', 'atagande'],
  ['atagit sig', 'atagande'],
];

/**
 * Short aliases that are also ordinary words or too easily typed by chance ("ut", "im"):
 * they count only when typed in capitals ("UT", "IM").
 */
export const UPPERCASE_ONLY_ALIASES: ReadonlySet<string> = new Set(['ut', 'im', 'hc', 'rv', 'au', 'st', 'ami']);

/** Words that carry no meaning for search or intent ("vad är …", "hur …"). */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'alla', 'allt', 'att', 'av', 'blir', 'bli', 'da', 'de', 'dem', 'den', 'denna', 'dess', 'det', 'detta', 'dom',
  'du', 'eller', 'en', 'er', 'ett', 'for', 'fran', 'fick', 'gor', 'gora', 'ha', 'har', 'hon', 'hen', 'han', 'hur',
  'i', 'in', 'inom', 'jag', 'kan', 'man', 'med', 'mig', 'min', 'mitt', 'nar', 'nagon', 'nagot', 'nagra', 'och',
  'om', 'oss', 'pa', 'sa', 'sig', 'sin', 'sina', 'ska', 'skall', 'som', 'till', 'under', 'upp', 'ut', 'vad', 'var',
  'vara', 'vart', 'vem', 'vi', 'vid', 'vilka', 'vilken', 'vilket', 'ar', 'at', 'over', 'finns', 'galler', 'mer',
  'the', 'is', 'what', 'who', 'snalla', 'tack', 'hej', 'kolla', 'undrar', 'veta', 'vill', 'behover', 'egentligen',
]);

/**
 * The normalised text with phrase and word synonyms rewritten to their canonical words.
 * Input must already be normalised (text.ts `normalize`).
 */
export function applySynonyms(normalized: string): string {
  let s = ` ${normalized} `;
  for (const [from, to] of PHRASE_SYNONYMS) s = s.split(` ${from} `).join(` ${to} `);
  return s
    .trim()
    .split(' ')
    .map((w) => WORD_SYNONYMS[w] ?? WORD_SYNONYMS[w.replace(/[.:]+$/u, '')] ?? w)
    .join(' ');
}
