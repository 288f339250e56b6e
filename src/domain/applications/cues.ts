/**
 * What the applications feature answers, in one table (src/understanding/cues.ts): a question
 * that names an application of data/ (its title's words, or its applicant with an application
 * word — the signal `namesApplication`, read from the records) is ours; with a word of applying,
 * proposing or deciding ("sökte", "förslaget", "bifall", "beviljades", "summa") it clearly is.
 */
import type { EvidenceTable } from '../../understanding/cues.js';

export type ApplicationSignal = 'namesApplication';

export const APPLICATION_EVIDENCE: EvidenceTable<ApplicationSignal> = {
  signals: ['namesApplication'],
  groups: {
    // What was applied for and what was proposed or decided.
    applicationWord: { stems: ['sok', 'ansok', 'forslag', 'foreslog', 'bifall', 'avslag', 'prio', 'bevilj', 'beredningsgrupp', 'summ', 'belopp'] },
  },
  rules: [
    { all: ['namesApplication', 'applicationWord'], score: 0.92 },
    { all: ['namesApplication'], score: 0.7 },
  ],
};
