import { describe, expect, test } from '@jest/globals';
import type { EntityKind } from '../../src/domain/entities.js';
import { AKTUALISERING_EVIDENCE } from '../../src/domain/aktualisering/cues.js';
import { POST_EVIDENCE, REPORTING_EVIDENCE, TERTIAL_EVIDENCE } from '../../src/domain/tertial/cues.js';
import { APPLICATION_EVIDENCE } from '../../src/domain/applications/cues.js';
import { CALENDAR_EVIDENCE, CALENDAR_LINES } from '../../src/domain/calendar/cues.js';
import {
  ATAGANDEN_EVIDENCE, FOREIGN_EVIDENCE, INITIATIV_EVIDENCE, KONTAKTER_EVIDENCE, MALGRUPP_EVIDENCE, MALGRUPP_TOPIC_EVIDENCE, MALGRUPP_TOPIC_LINES,
  ORGANISATION_EVIDENCE,
} from '../../src/domain/answers/cues.js';
import { scoreEvidence, unknownNames, type EvidenceTable } from '../../src/understanding/cues.js';
import { QUESTION_FORMS } from '../../src/understanding/form.js';
import { entityTokens } from '../../src/domain/entities.js';
import { normalize } from '../../src/domain/text.js';

const KINDS: readonly EntityKind[] = ['forbund', 'party', 'unit', 'verksamhet', 'organ', 'agreement'];

const TABLES: Record<string, EvidenceTable> = {
  aktualisering: AKTUALISERING_EVIDENCE,
  tertial: TERTIAL_EVIDENCE,
  reporting: REPORTING_EVIDENCE,
  post: POST_EVIDENCE,
  applications: APPLICATION_EVIDENCE,
  // The årshjul's intent lines, as the table's rules.
  calendar: { ...CALENDAR_EVIDENCE, rules: CALENDAR_LINES.map((l) => ({ ...l.rule, score: l.score })) },
  kontakter: KONTAKTER_EVIDENCE,
  organisation: ORGANISATION_EVIDENCE,
  initiativ: INITIATIV_EVIDENCE,
  malgrupp: MALGRUPP_EVIDENCE,
  malgruppTopics: { ...MALGRUPP_TOPIC_EVIDENCE, rules: MALGRUPP_TOPIC_LINES.map((l) => ({ ...l.rule, score: 1 })) },
  ataganden: ATAGANDEN_EVIDENCE,
  foreign: FOREIGN_EVIDENCE,
};

describe('every evidence table names only its groups, its signals, forms and entity kinds', () => {
  test.each(Object.keys(TABLES))('%s', (name) => {
    expect(unknownNames(TABLES[name] as EvidenceTable, QUESTION_FORMS, KINDS)).toEqual([]);
  });
});

describe('the scorer', () => {
  const table: EvidenceTable = {
    groups: { a: { words: ['alfa'] }, b: { stems: ['beta'] }, c: { exact: ['gamma'] } },
    rules: [{ all: ['a'], score: 0.6 }, { all: ['a', 'b'], score: 0.9 }],
    limits: [{ all: ['c'], score: 0.3 }],
  };
  const score = (text: string) => {
    const n = normalize(text);
    return scoreEvidence(table, { query: { normalized: n, tokens: entityTokens(n), entities: [] }, form: 'other' });
  };
  test('the best rule that holds; a limit holds it down; exact words only as written', () => {
    expect(score('alfa')).toBe(0.6);
    expect(score('alfa betan')).toBe(0.9);
    expect(score('alfa betan gamma')).toBe(0.3);
    expect(score('alfa betan gammas')).toBe(0.9);
    expect(score('betan')).toBe(0);
  });
});
