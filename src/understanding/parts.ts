/**
 * The parts of a composite question ("Vem är ordförande och när är nästa möte?"): each part is
 * answered on its own, so none is lost. "X för A respektive B" is asked of A and of B. Otherwise a
 * question splits where a new question starts: after a
 * question mark, at a "+" or ";", or at "och"/"samt"/"men" (or the chat "o") followed by a question word or a question verb, perhaps after an
 * adverb ("… och senast när ska …").
 */
const QUESTION_START = String.raw`(?:vem|vems|vad|när|nar|hur|vilk(?:a|en|et)|varför|varfor|kan|får|far|är|ar|ska|finns|behöver|behover|måste|maste|gäller|galler)`;
const SPLIT = new RegExp(String.raw`((?<=\?)\s+(?=\S)|\s*[+;]\s*(?=\S)|,?\s+(?:och|samt|men|o)\s+(?=(?:(?:senast|sedan|sen|då|da|också|ocksa|även|aven)\s+)?${QUESTION_START}\s))`, 'iu');

/** Shortest part kept on its own (shorter pieces stay with a neighbour). */
const MIN_PART_WORDS = 3;

/**
 * "i SSG respektive styrelsen", "för AF resp. FK": one question asked of each of two things; a name
 * of several words ("Region Västerbotten", "Umeå kommun") is one thing.
 */
const RESPECTIVE = /((?:\p{Lu}\S*\s+(?=kommun|län))?\S+)\s+(?:[Rr]espektive|RESPEKTIVE|[Rr]esp\.?|RESP\.?)\s+(\S+?(?:\s+(?:\p{Lu}\S*?|kommun|kommuns|län|läns))*)([?.!,]?)(?=\s|$)/u;

/** The separate questions of `text`; `[text]` when it is one question. */
export function compositeParts(text: string): string[] {
  // "Hur mycket totalt, och hur mycket från A respektive B?": the parts first, then each part's "respektive".
  return questionParts(text).flatMap(respectiveParts);
}

/** "X för A respektive B" as the two questions "X för A" and "X för B"; `[text]` without it. */
function respectiveParts(text: string): string[] {
  const respective = RESPECTIVE.exec(text);
  if (respective === null) return [text];
  const [all, a = '', b = '', end = ''] = respective;
  const at = respective.index;
  const part = (x: string) => `${text.slice(0, at)}${x}${end}${text.slice(at + all.length)}`.trim();
  return [part(a), part(b)];
}

/** The questions of `text` split where a new one starts (see the module comment). */
function questionParts(text: string): string[] {
  // Even indexes are pieces, odd ones the separators between them (kept to rejoin a piece as typed).
  const split = text.split(SPLIT);
  const out: string[] = [];
  let pending = '';
  for (let i = 0; i < split.length; i += 2) {
    const piece = (split[i] ?? '').trim();
    const before = i > 0 ? (split[i - 1] ?? ' ') : '';
    if (piece === '') continue;
    const short = piece.split(/\s+/u).length < MIN_PART_WORDS;
    if (out.length > 0 && short && pending === '') out[out.length - 1] = `${out[out.length - 1] ?? ''}${before}${piece}`;
    // A short first piece ("Vilket resultat och vilket eget kapital … 2025?") shares the next one's predicate: one question.
    else if (out.length === 0 && short) pending = `${pending}${pending === '' ? '' : before}${piece}`;
    else {
      out.push(pending === '' ? piece : `${pending}${before}${piece}`);
      pending = '';
    }
  }
  if (pending !== '') out.push(pending);
  return out.length > 0 ? out : [text];
}
