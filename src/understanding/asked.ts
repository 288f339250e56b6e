/**
 * The thing a question asks about, when its form names it: "vilken blankett …", "vad är
 * sjukpenningtalet …", "hur högt är X", "finns det ett bankgiro …". Generic Swedish on the
 * understanding's tokens (normalised, å/ä/ö folded); no förbund knowledge. Used to tell a
 * question the documents cannot answer (nothing in them names the thing) from one they do.
 */

/** Words between the question word and the noun that say nothing of the thing ("vilken typ av …"). */
const FILLER = new Set(['en', 'ett', 'den', 'det', 'de', 'typ', 'sorts', 'slags', 'sort', 'slag', 'av', 'nagon', 'nagot', 'nagra', 'ngn', 'ngt', 'egen', 'eget', 'egna', 'man']);
/** Verbs after "vad" that take the thing as their subject ("vad är X", "vad kostar X"). */
const VAD_VERBS = new Set(['ar', 'var', 'heter', 'hette', 'kostar', 'kostade', 'innebar', 'betyder', 'kallas']);
/** Adjectives after "hur" that ask a size of the thing ("hur högt är X"). */
const HUR_SIZE = new Set(['hog', 'hogt', 'stor', 'stort', 'lang', 'langt', 'manga', 'mycket']);
const COPULA = new Set(['ar', 'var', 'blir', 'blev']);

/** Index of the first token from `at` that is not filler, or -1. */
function nounFrom(tokens: readonly string[], at: number): number {
  for (let i = at; i < tokens.length && i < at + 4; i += 1) {
    const t = tokens[i] ?? '';
    if (!FILLER.has(t)) return i;
  }
  return -1;
}

/** Indexes (in `tokens`) of the nouns the question's form asks about, in order. */
export function askedNouns(tokens: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] ?? '';
    const next = tokens[i + 1] ?? '';
    let at = -1;
    if (t === 'vilken' || t === 'vilket' || t === 'vilka') at = nounFrom(tokens, i + 1);
    else if (t === 'vad' && VAD_VERBS.has(next)) at = nounFrom(tokens, i + 2);
    else if (t === 'hur' && HUR_SIZE.has(next) && COPULA.has(tokens[i + 2] ?? '')) at = nounFrom(tokens, i + 3);
    else if (t === 'finns' && next === 'det') at = nounFrom(tokens, i + 2);
    if (at >= 0 && !out.includes(at)) out.push(at);
  }
  return out;
}
