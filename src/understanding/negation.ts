/**
 * Negation and exclusion scope in a Swedish question: "har inte sjukpenning", "ingen ersättning",
 * "varken sjukpenning eller aktivitetsersättning", "utan försörjningsstöd". A span covers the
 * words a negation applies to, so a recogniser can tell a benefit the person lacks from one
 * they have. Tokens are normalised; punctuation is gone, so a clause ends at a linking word or a
 * new subject ("inte sjukskriven, hon har …"). "Inte X utan Y" is a contrast: Y is not negated.
 */
export interface TokenSpan {
  /** First token covered (inclusive). */
  start: number;
  /** One past the last token covered. */
  end: number;
}

const NEGATORS = new Set(['inte', 'ej', 'icke', 'ingen', 'inga', 'inget', 'utan', 'saknar', 'aldrig', 'exklusive', 'exkl', 'forutom']);
/** Words that end the clause a negation covers. */
const CLAUSE_END = new Set(['men', 'hon', 'han', 'hen', 'de', 'jag', 'vi', 'personen', 'individen', 'och', 'samt', 'som', 'fast', 'dock', 'eftersom', 'nar', 'om', 'att', 'da', 'sa', 'kan', 'ska', 'far', 'maste', 'behover', 'vill', 'skulle', 'kunde', 'vem', 'vad', 'hur', 'vilka', 'vilken']);
/** How far a negation reaches when no clause word ends it. */
const MAX_SCOPE = 4;

/** One past the last token a negation at `at` covers: up to a clause word, another negation or MAX_SCOPE words. */
function scopeEnd(tokens: readonly string[], at: number): number {
  let end = at + 1;
  while (end < tokens.length && end - at <= MAX_SCOPE && !CLAUSE_END.has(tokens[end] ?? '') && !NEGATORS.has(tokens[end] ?? '')) end += 1;
  return end;
}

/** The negated spans of `tokens`, in order. */
export function negationSpans(tokens: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] ?? '';
    if (t === 'varken') {
      // "varken A eller B": both sides, up to the end of B.
      const eller = tokens.indexOf('eller', i + 1);
      const from = eller > i && eller - i <= MAX_SCOPE + 1 ? eller : i;
      const end = scopeEnd(tokens, from);
      spans.push({ start: i + 1, end });
      i = end - 1;
      continue;
    }
    if (!NEGATORS.has(t)) continue;
    // "bor inte i Umeå utan i Vännäs": "utan" right after a negation's scope is "but", and what follows it holds.
    if (t === 'utan' && spans.length > 0 && spans[spans.length - 1]?.end === i && tokens[spans[spans.length - 1]!.start - 1] !== 'utan') continue;
    const end = scopeEnd(tokens, i);
    if (end > i + 1) spans.push({ start: i + 1, end });
  }
  return spans;
}
