import type { Section } from './sections.js';

/**
 * Likely OCR damage, for the kansli to check before trusting the text (DESIGN.md: the bundled
 * 2023 document lost å/ä/ö and misread digits: "Forsakringskassan", "férmiddag", "1 BOO", "-B5").
 */
export interface OcrFinding {
  kind: 'diakrit' | 'siffra';
  /** The word or token as it stands in the text. */
  text: string;
  /** The reading it likely was, when one is known. */
  suggestion?: string;
  line: number;
  section: string;
}

/**
 * Common Swedish word stems written without å/ä/ö, for documents too short to hold the correct
 * spelling themselves. Language, not förbund knowledge: any Swedish document may use them.
 */
const STEMS: [string, string][] = [
  ['forbund', 'förbund'], ['overenskommelse', 'överenskommelse'], ['forsakringskassa', 'försäkringskassa'],
  ['arbetsformedling', 'arbetsförmedling'], ['ataga', 'åtaga'], ['atagande', 'åtagande'], ['ansokan', 'ansökan'],
  ['malgrupp', 'målgrupp'], ['mote', 'möte'],
  ['styrelsemote', 'styrelsemöte'], ['nasta', 'nästa'], ['halsa', 'hälsa'], ['sarskild', 'särskild'],
  ['atgard', 'åtgärd'], ['forvaltning', 'förvaltning'], ['foljande', 'följande'], ['forankr', 'förankr'],
  ['uppfoljning', 'uppföljning'], ['hogst', 'högst'], ['manad', 'månad'], ['arbetsmarknadsatgard', 'arbetsmarknadsåtgärd'],
  ['formiddag', 'förmiddag'], ['sjukersattning', 'sjukersättning'], ['ersattning', 'ersättning'],
  ['forsorjningsstod', 'försörjningsstöd'], ['lansstyrelse', 'länsstyrelse'],
  ['behorig', 'behörig'], ['ordforande', 'ordförande'], ['foretradare', 'företrädare'], ['lakare', 'läkare'],
  ['raddningstjanst', 'räddningstjänst'], ['tjanst', 'tjänst'],
  ['samrad', 'samråd'], ['overgripande', 'övergripande'], ['maluppfyllelse', 'måluppfyllelse'], ['arsredovisning', 'årsredovisning'],
  ['arshjul', 'årshjul'], ['aterrapport', 'återrapport'], ['forandring', 'förändring'], ['lagesrapport', 'lägesrapport'],
];

const WORD = /[\p{L}]+/gu;

function plain(word: string): string {
  return word.toLowerCase().replace(/[åä]/g, 'a').replace(/ö/g, 'o').replace(/[éèêë]/g, 'e');
}

/** Letters OCR reads for digits: O/o for 0, I/l for 1, B for 8, S for 5, Z for 2, G for 6, e for 0 ("BeO"). */
const DIGIT_LOOKALIKE = /^[-–+]?[0-9OoIlBSZGe]*[0-9][0-9OoIlBSZGe.,]*$|^[-–+]?[OoIlBSZGe.,]*[OIlBSZG][0-9.,]*[0-9][0-9OoIlBSZGe.,]*$/;

function looksLikeMisreadNumber(token: string): boolean {
  const t = token.replace(/[()]/g, '');
  if (!/[0-9]/.test(t) || !/[OoIlBSZGe]/.test(t)) return false;
  if (/^\d+[a-z]$/.test(t)) return false; // "2a", "10e" – ordinals, paragraph letters
  return DIGIT_LOOKALIKE.test(t);
}

/**
 * Words that likely lost å/ä/ö (found in the document's own vocabulary with the marks, or a common
 * stem, or written with é/è where Swedish has ö/ä), and numbers with letters in them ("1 BOO",
 * "-B5": the letters a misread digit becomes). One finding per distinct word, at its first line.
 */
export function ocrFindings(sections: readonly Section[]): OcrFinding[] {
  const vocabulary = new Map<string, string>();
  for (const s of sections) {
    for (const line of s.lines) {
      for (const w of line.match(WORD) ?? []) {
        const lower = w.toLowerCase();
        if (/[åäö]/.test(lower)) vocabulary.set(plain(lower), lower);
      }
    }
  }
  const findings: OcrFinding[] = [];
  const seen = new Set<string>();
  for (const s of sections) {
    s.lines.forEach((line, i) => {
      const at = s.line + i + 1;
      for (const w of line.replace(/[\w.+-]+@[\w.-]+|\bhttps?:\/\/\S+|\bwww\.\S+/g, ' ').match(WORD) ?? []) {
        const lower = w.toLowerCase();
        if (lower.length < 4 || /[åäö]/.test(lower) || seen.has(lower)) continue;
        const key = plain(lower);
        let suggestion = vocabulary.get(key);
        if (!suggestion) {
          const stem = STEMS.find(([p, correct]) => p !== correct && key.startsWith(p));
          if (stem) suggestion = stem[1] + key.slice(stem[0].length);
        }
        if (!suggestion && /[éèêë]/.test(lower) && !/é(n|r|er|erna|t)?$/.test(lower)) suggestion = lower.replace(/[éèêë]/g, 'ö');
        if (suggestion && suggestion !== lower) {
          seen.add(lower);
          findings.push({ kind: 'diakrit', text: w, suggestion, line: at, section: s.heading });
        }
      }
      const tokens = line.split(/\s+/).map((t) => t.replace(/[.,;:)]+$/, '')).filter(Boolean);
      tokens.forEach((t, j) => {
        const prev = tokens[j - 1];
        // "1 BOO": a number followed by capitals that read as digits (a thousands group misread).
        const group = prev !== undefined && /^[-–−]?\d{1,3}$/.test(prev) && /^[OIlBSZGe0-9]{3}$/.test(t) && /[OIlBSZG]/.test(t);
        if (!looksLikeMisreadNumber(t) && !group) return;
        const text = group ? `${prev} ${t}` : t;
        if (seen.has(text)) return;
        seen.add(text);
        findings.push({ kind: 'siffra', text, line: at, section: s.heading });
      });
    });
  }
  return findings;
}
