/**
 * The bot's own vocabulary: every cue word of the features' evidence tables. A word a feature
 * recognises ("giltighetstid" for the agreement's validity, "deadline" for the årshjul) names a
 * thing the bot answers about, even where the documents use another word for it — so it is never
 * "a thing no document names" (absent.ts).
 */
import type { EvidenceTable } from '../../understanding/cues.js';
import { AKTUALISERING_EVIDENCE } from '../aktualisering/cues.js';
import { ATAGANDEN_EVIDENCE, FOREIGN_EVIDENCE, INITIATIV_EVIDENCE, KONTAKTER_EVIDENCE, MALGRUPP_EVIDENCE, MALGRUPP_TOPIC_EVIDENCE, ORGANISATION_EVIDENCE } from '../answers/cues.js';
import { APPLICATION_EVIDENCE } from '../applications/cues.js';
import { CALENDAR_EVIDENCE } from '../calendar/cues.js';
import { POST_EVIDENCE, REPORTING_EVIDENCE, TERTIAL_EVIDENCE } from '../tertial/cues.js';

const TABLES: readonly EvidenceTable[] = [
  AKTUALISERING_EVIDENCE, ATAGANDEN_EVIDENCE, FOREIGN_EVIDENCE, INITIATIV_EVIDENCE, KONTAKTER_EVIDENCE, MALGRUPP_EVIDENCE,
  MALGRUPP_TOPIC_EVIDENCE, ORGANISATION_EVIDENCE, APPLICATION_EVIDENCE, CALENDAR_EVIDENCE, POST_EVIDENCE, REPORTING_EVIDENCE, TERTIAL_EVIDENCE,
];

/** Shortest cue stem that a longer word may start with and still mean it. */
const MIN_STEM = 5;

let cues: { stems: string[]; words: Set<string> } | undefined;

function vocabulary(): { stems: string[]; words: Set<string> } {
  if (cues !== undefined) return cues;
  const stems: string[] = [];
  const words = new Set<string>();
  for (const table of TABLES) {
    for (const group of Object.values(table.groups)) {
      for (const s of group.stems ?? []) if (!s.includes(' ') && s.length >= MIN_STEM) stems.push(s);
      for (const w of [...(group.words ?? []), ...((group as { exact?: readonly string[] }).exact ?? [])]) words.add(w);
    }
  }
  cues = { stems, words };
  return cues;
}

/** True when a normalised word is one of the features' cue words, or starts with one of their stems. */
export function knownCue(word: string): boolean {
  const { stems, words } = vocabulary();
  return words.has(word) || words.has(word.replace(/(?:s|en|et|na|er|ar)$/u, '')) || stems.some((s) => word.startsWith(s));
}
