/**
 * Questions about the applications (ansökningar) for förbund funds and the beredningsgrupp's
 * proposals (002, Bilaga 2, Ansökan …; kallelse 2017-04-21 punkt 11). An application named in a
 * question is answered with everything the record holds that such a question asks for: sökt
 * summa, sökande, period, the beredningsgrupp's proposal (förslag: bifall/avslag with its
 * priority) and its comments — so "hur mycket sökte X och vad blev förslaget" gets both halves.
 * Pure: data and question in, a Reply out.
 */
import type { Fact, Reply } from '../../core/reply.js';
import type { AgreementData } from '../../data/load.js';
import { excerptAround, hasTerm, stemsOf } from '../routing/evidence.js';
import { queryTerms } from '../search/tokenize.js';
import { sourceRefs } from '../sources.js';
import { entityTokens } from '../entities.js';
import { applySynonyms } from '../synonyms.js';
import { normalize } from '../text.js';
import { evidenceOf, scoreEvidence } from '../../understanding/cues.js';
import { questionForm } from '../../understanding/form.js';
import type { Understanding } from '../../understanding/understand.js';
import { APPLICATION_EVIDENCE } from './cues.js';

type Application = AgreementData['applications'][number];

/** Title words too common to identify an application alone. */
const WEAK_TITLE_WORDS = new Set(['ansokan', 'medel', 'stod', 'kunskap']);

/**
 * The applications a question names: every identifying word of the title (outside a
 * parenthesis, three letters or more) is in the question; when the title is long, three of its
 * words are enough.
 */
export function applicationsIn(data: AgreementData, question: string): Application[] {
  const q = stemsOf(question);
  return (data.applications ?? []).filter((a) => {
    // A parenthesis spells out the name ("Vårdskap ASF (Arbetsintegrerande sociala företag)"): the name is enough.
    const title = [...stemsOf(a.title.replace(/\([^)]*\)/gu, ' '))].filter((t) => t.length >= 3 && !WEAK_TITLE_WORDS.has(t));
    if (title.length === 0) return false;
    const held = title.filter((t) => hasTerm(q, t)).length;
    if (held === title.length || held >= 3) return true;
    // "Vad sökte Robertsfors kommun …": the applicant named with an application word.
    const applicant = [...stemsOf(a.applicant ?? '')].filter((t) => t.length >= 4 && t !== 'kommun');
    return applicant.length > 0 && applicant.length <= 3 && applicant.every((t) => hasTerm(q, t)) && hasApplicationWord(question);
  });
}

/** True when the question has a word of applying, proposing or deciding (the table's group). */
function hasApplicationWord(question: string): boolean {
  const normalized = applySynonyms(normalize(question));
  const query = { normalized, tokens: entityTokens(normalized), entities: [] };
  return evidenceOf(APPLICATION_EVIDENCE, { query, form: questionForm(query.tokens) })('applicationWord');
}

/**
 * How clearly a question is about a named application (dialogs/routes.ts scale): the combination
 * of its evidence (src/domain/applications/cues.ts), an application of data/ named and a word of
 * applying or deciding.
 */
export function applicationScore(data: AgreementData, u: Pick<Understanding, 'text' | 'query' | 'form'>): number {
  const namesApplication = applicationsIn(data, u.text).length > 0;
  return scoreEvidence(APPLICATION_EVIDENCE, { query: u.query, form: u.form, signals: { namesApplication } });
}

/** A question about the outcome of an application, and one about the proposal. */
const OUTCOME = /\b(beslut\w*|beslot|beviljad\w*|beviljade|bevilja\w*|fick|godkand\w*|godkande|bifolls|avslogs|till slut)\b/u;
const PROPOSAL = /\b(foresl\w*|forslag\w*|beredningsgrupp\w*|prio\w*)\b/u;

/** The answer for the applications a question names (undefined when it names none). */
export function answerApplications(data: AgreementData, question: string): Reply | undefined {
  const apps = applicationsIn(data, question);
  if (apps.length === 0) return undefined;
  const facts: Fact[] = [];
  const lines: string[] = [];
  const terms = queryTerms(question);
  const asked = normalize(question);
  const asksOutcome = OUTCOME.test(asked) && !PROPOSAL.test(asked);
  for (const a of apps) {
    const parts = [
      a.applicant ? `sökande ${a.applicant}` : undefined,
      a.amount ? `sökt summa ${a.amount}` : undefined,
      a.proposal ? `beredningsgruppens förslag: ${a.proposal}` : undefined,
    ].filter((p): p is string => p !== undefined);
    // "Fick ansökan pengar till slut?", "beviljade styrelsen …?": the documents hold the beredningsgrupp's proposal, not the board's decision.
    if (asksOutcome && a.proposal) lines.push(`Beslutet om ”${a.title}” står inte i dokumenten – beredningsgruppens förslag var: ${a.proposal}.`);
    lines.push(`Ansökan ”${a.title}”: ${parts.join(', ')}.`);
    if (a.amount) facts.push({ label: `${a.title}: sökt summa`, value: a.amount });
    if (a.proposal) facts.push({ label: `${a.title}: beredningsgruppens förslag`, value: a.proposal });
    if (a.applicant) facts.push({ label: `${a.title}: sökande`, value: a.applicant });
    if (a.projectLeader) facts.push({ label: `${a.title}: projektledare`, value: a.projectLeader });
    if (a.period) facts.push({ label: `${a.title}: period`, value: a.period });
    if (a.comments && a.comments.length > 0) facts.push({ label: `${a.title}: beredningsgruppens kommentarer`, value: a.comments.join(' • ') });
    // The part of the application's own text that the question's words point at (a figure, the target group …).
    if (a.summary) facts.push({ label: `${a.title}: ur ansökan`, value: excerptAround(a.summary, terms, 450) });
  }
  return { text: lines.join('\n'), facts, sources: sourceRefs(data.documents, apps.map((a) => a.source)), status: 'answered' };
}
