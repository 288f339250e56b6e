import { memoizeText } from './textMemo.js';

/**
 * Swedish text normalisation shared by every recogniser.
 * Users type fast Swedish, often without å/ä/ö and with stray punctuation (DESIGN.md, Language),
 * so matching is always done on the normalised form: lower case, diacritics folded
 * (å→a, ä→a, ö→o, é→e), punctuation stripped except `- / : .` (they carry meaning in dates,
 * "FK:s" and numbers), whitespace collapsed.
 */
export const normalize: (text: string) => string = memoizeText(normalizeText);

function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\P{P}\-/:.]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The normalised form with trailing sentence punctuation removed, for comparing a whole
 * utterance with a short command ("Avbryt." and "avbryt" are the same command).
 */
export function normalizeCommand(text: string): string {
  return normalize(text).replace(/[.:\-/\s]+$/u, '');
}
