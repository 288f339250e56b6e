/**
 * Whole-word matching of golden alternatives (../shared/examples/README.md): case, å/ä/ö (and other
 * diacritics), the kind of dash and spaces inside numbers are ignored; an alternative must start a
 * word of the reply and may be followed by an inflection ("socialtjänst" finds "socialtjänstens"),
 * but a number, or a last word of up to three letters, must stand whole ("23" is not found in
 * "2023" or "1,23", "ja" not in "jag").
 */

/** Case, diacritics, dashes and runs of whitespace folded: the form reply and alternative are compared in. */
export function foldForMatch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .replace(/[\s\u00a0\u202f]+/gu, ' ');
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const DIGIT = /\d/u;
const isWordChar = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);
const isDigit = (c: string | undefined) => c !== undefined && DIGIT.test(c);

/** The alternative as a pattern: spaces between its digits dropped, an optional space allowed between any two digits. */
function patternOf(folded: string): RegExp {
  const compact = folded.replace(/(\d) (?=\d)/gu, '$1');
  let source = '';
  for (let i = 0; i < compact.length; i += 1) {
    const ch = compact[i]!;
    source += ch.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
    if (isDigit(ch) && isDigit(compact[i + 1])) source += ' ?';
  }
  return new RegExp(source, 'gu');
}

/** Whether text at `at` continues a number leftwards or rightwards: a digit, a decimal part, or a thousands group. */
function numberContinuesBefore(text: string, start: string, at: number): boolean {
  if ((text[at - 1] === ',' || text[at - 1] === '.') && isDigit(text[at - 2])) return true;
  // "12 190": a three-digit group after a digit and a space is that number's thousands group.
  return text[at - 1] === ' ' && isDigit(text[at - 2]) && /^\d{3}(?!\d)/u.test(start);
}

function numberContinuesAfter(text: string, at: number): boolean {
  if (isDigit(text[at])) return true;
  if ((text[at] === ',' || text[at] === '.') && isDigit(text[at + 1])) return true;
  return text[at] === ' ' && /^\d{3}(?!\d)/u.test(text.slice(at + 1, at + 5));
}

/** Whether the match of `alt` at [start, end) in `text` stands as the README's rules require. */
function standsWhole(text: string, alt: string, start: number, end: number): boolean {
  const first = alt[0];
  const last = alt[alt.length - 1];
  if (isWordChar(first)) {
    if (isWordChar(text[start - 1])) return false;
    if (isDigit(first) && numberContinuesBefore(text, text.slice(start, start + 4), start)) return false;
  }
  if (isDigit(last)) return !numberContinuesAfter(text, end);
  if (isWordChar(last)) {
    const lastWord = /[\p{L}]+$/u.exec(alt)?.[0] ?? '';
    if (lastWord.length <= 3 && isWordChar(text[end])) return false;
  }
  return true;
}

/** Whether `reply` contains `alternative` under the whole-word rules. */
export function containsAlternative(reply: string, alternative: string): boolean {
  const text = foldForMatch(reply);
  const alt = foldForMatch(alternative).trim().replace(/(\d) (?=\d)/gu, '$1');
  if (alt === '') return false;
  const pattern = patternOf(alt);
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (standsWhole(text, alt, m.index, m.index + m[0].length)) return true;
    pattern.lastIndex = m.index + 1;
  }
  return false;
}
