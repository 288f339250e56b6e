/**
 * The parts of a composite question ("Vem är ordförande och när är nästa möte?"): each part is
 * answered on its own, so none is lost. A question splits where a new question starts: after a
 * question mark, or at "och"/"samt"/"men" followed by a question word or a question verb.
 */
const QUESTION_START = String.raw`(?:vem|vems|vad|när|nar|hur|vilk(?:a|en|et)|varför|varfor|kan|får|far|är|ar|ska|finns|behöver|behover|måste|maste|gäller|galler)`;
const SPLIT = new RegExp(String.raw`(?<=\?)\s+(?=\S)|,?\s+(?:och|samt|men)\s+(?=${QUESTION_START}\s)`, 'iu');

/** Shortest part kept on its own (shorter pieces stay with the part before). */
const MIN_PART_WORDS = 3;

/** The separate questions of `text`; `[text]` when it is one question. */
export function compositeParts(text: string): string[] {
  const pieces = text.split(SPLIT).map((p) => p.trim()).filter((p) => p !== '');
  const out: string[] = [];
  for (const p of pieces) {
    const words = p.split(/\s+/u).length;
    if (out.length > 0 && words < MIN_PART_WORDS) out[out.length - 1] = `${out[out.length - 1] ?? ''} ${p}`;
    else out.push(p);
  }
  return out.length > 0 ? out : [text];
}
