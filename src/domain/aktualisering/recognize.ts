import { evidenceOf, scoreEvidence, type EvidenceInput } from '../../understanding/cues.js';
import type { Understanding } from '../../understanding/understand.js';
import { AKTUALISERING_EVIDENCE, type AktSignal } from './cues.js';
import { extractAge, extractReferringParty, extractVerksamhet, type Lexicon } from './extract.js';
import { normalize } from '../text.js';

/**
 * How well a question fits the aktualiseringscheck, 0..1: the combination of its evidence
 * (src/domain/aktualisering/cues.ts) — the feature's cue words with what the question names of
 * data/ (a referring party, a verksamhet or förbund, a person's age).
 */
export function aktualiseringScore(u: Pick<Understanding, 'text' | 'query' | 'form'>, lexicon: Lexicon): number {
  return scoreEvidence(AKTUALISERING_EVIDENCE, { query: u.query, form: u.form, signals: caseSignals(u.text, lexicon) });
}

/** The signals of the table that the feature reads from data/ (its extractor's case facts). */
export function caseSignals(text: string, lexicon: Lexicon): Record<AktSignal, boolean> {
  const n = normalize(text);
  const referrer = extractReferringParty(n, lexicon) !== undefined;
  // One reader of a person's age (the dialog's own): "är 6 timmar i veckan" is no age.
  const age = extractAge(n) !== undefined;
  return { referrer, age, verksamhet: extractVerksamhet(n, lexicon) !== undefined || namesForbund(n, lexicon), caseFacts: referrer };
}

/** A resolver of the table's evidence for one question and the facts the extractor found (detectIntent). */
export function aktualiseringEvidence(input: EvidenceInput): (name: string) => boolean {
  return evidenceOf(AKTUALISERING_EVIDENCE, input);
}

function namesForbund(n: string, lexicon: Lexicon): boolean {
  const padded = ` ${n} `;
  return lexicon.forbundNames.some((name) => padded.includes(` ${name}`));
}
