/**
 * The parts of a composite question ("Vem är ordförande och när är nästa möte?"): each part is
 * answered on its own, so none is lost. "X för A respektive B" is asked of A and of B. Otherwise a
 * question splits where a new question starts: after a
 * question mark, at a "+" or ";", or at "och"/"samt"/"men" (or the chat "o") followed by a question word or a question verb.
 */
const QUESTION_START = String.raw`(?:vem|vems|vad|när|nar|hur|vilk(?:a|en|et)|varför|varfor|kan|får|far|är|ar|ska|finns|behöver|behover|måste|maste|gäller|galler)`;
const SPLIT = new RegExp(String.raw`((?<=\?)\s+(?=\S)|\s*[+;]\s*(?=\S)|,?\s+(?:och|samt|men|o)\s+(?=${QUESTION_START}\s))`, 'iu');

/** Shortest part kept on its own (shorter pieces stay with a neighbour). */
const MIN_PART_WORDS = 3;

/** "i SSG respektive styrelsen", "för AF resp. FK": one question asked of each of two things. */
const RESPECTIVE = /(\S+)\s+(?:respektive|resp\.?)\s+(\S+?)([?.!,]?)(?=\s|$)/iu;

/** The separate questions of `text`; `[text]` when it is one question. */
export function compositeParts(text: string): string[] {
  const respective = RESPECTIVE.exec(text);
  if (respective !== null) {
    const [all, a = '', b = '', end = ''] = respective;
    const at = respective.index;
    const part = (x: string) => `${text.slice(0, at)}${x}${end}${text.slice(at + all.length)}`.trim();
    return [part(a), part(b)];
  }
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
