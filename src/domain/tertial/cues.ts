/**
 * What the tertial features answer, in declarative tables (src/understanding/cues.ts): the figures
 * and reports of a verksamhet's tertial (route "tertial"), the question which reports a verksamhet
 * submits and when (a signal of that table, also the query's kind), and the kansli's request to
 * post a tertial summary (route "tertial-post"). Cue words are generic Swedish; the verksamheter
 * come from data/.
 */
import type { EvidenceTable } from '../../understanding/cues.js';

/**
 * "Vilka rapporter lämnar X under året?", "Ska X lämna socialt bokslut?", "Hur ofta rapporterar X
 * till förbundet?", "Hur följs X upp?": a question word or a verb of submitting with a word of
 * reporting. The follow-up of one person's plan (individprocesser) is no verksamhet's reporting.
 */
export const REPORTING_EVIDENCE: EvidenceTable = {
  groups: {
    individCase: { stems: ['handlingsplan', 'individ', 'arende', 'samordnad plan'] },
    // A report as a document: "rapporten", "lägesrapporter", "tertialrapporten", "socialt bokslut".
    reportDoc: { words: ['rapport', 'rapporter', 'lagesrapport', 'lagesrapporter', 'tertialrapport', 'tertialrapporter'], stems: ['socialt bokslut'] },
    // The question word right before what is asked for: "vilka rapporter", "hur många redovisningar".
    whichReports: { stems: ['vilka rapport', 'vilken rapport', 'hur manga rapport', 'nar rapport', 'vilka redovisningar', 'hur manga redovisningar'] },
    // Reporting as an act: "rapporterar", "redovisa", "redovisas".
    reportAct: { words: ['rapportera', 'rapporterar', 'rapporteras', 'redovisa', 'redovisar', 'redovisas'] },
    reportingStem: { stems: ['rapporter'] },
    followUp: { stems: ['folja upp', 'foljs upp', 'foljas upp'] },
    howFollowed: { stems: ['hur foljs', 'hur foljas'] },
    up: { words: ['upp'] },
    socialtBokslut: { stems: ['socialt bokslut'] },
    period: { stems: ['under aret', 'per ar', 'arligen', 'tertial'] },
    submit: { exact: ['lamna', 'lamnar', 'lamnas'] },
    sentTo: { stems: ['lamnas till', 'skickas till'] },
    // "Vad ska redovisas / lämnas / stå …" (a passive of what is submitted).
    // As one phrase: "… verkar stå nära arbetsmarknaden. Vad ska jag göra" holds the words but asks no such thing.
    submitted: { stems: ['vad ska redovisas', 'vad ska rapporteras', 'vad ska lamnas', 'vad ska sta', 'vilket ska redovisas', 'vad som ska redovisas', 'vad som ska sta'] },
    receive: { exact: ['far'], stems: ['tar emot', 'ska ha'] },
    what: { exact: ['vad', 'vilket'], stems: ['vilka uppgifter'] },
    who: { exact: ['vem', 'vilka', 'vart'] },
    how: { exact: ['hur'] },
    howOften: { stems: ['hur ofta'] },
    when: { exact: ['nar'] },
    shall: { exact: ['ska'] },
  },
  rules: [
    { all: ['whichReports'], none: ['individCase'], score: 1 },
    { all: ['reportingStem', 'period'], none: ['individCase'], score: 1 },
    { all: ['submit', 'reportDoc'], none: ['individCase'], score: 1 },
    { all: ['reportDoc', 'sentTo'], none: ['individCase'], score: 1 },
    { all: ['socialtBokslut'], none: ['individCase'], score: 1 },
    { all: ['howOften'], any: ['reportDoc', 'reportAct', 'followUp'], none: ['individCase'], score: 1 },
    { all: ['submitted'], none: ['individCase'], score: 1 },
    { all: ['who', 'receive', 'reportDoc'], none: ['individCase'], score: 1 },
    { all: ['how', 'shall'], any: ['reportAct', 'followUp'], none: ['individCase'], score: 1 },
    { all: ['howFollowed', 'up'], none: ['individCase'], score: 1 },
    { all: ['when', 'shall', 'reportDoc'], none: ['individCase'], score: 1 },
  ],
};

/** The signals of the tertial table (src/domain/tertial/query.ts `tertialSignals`). */
export type TertialSignal = 'importCommand' | 'opensWhen' | 'asksDate' | 'reporting';

/**
 * A tertial question: tertial words ("T2", "tertialrapporten"), "utfall", the question which
 * reports a verksamhet submits, a count of avslut or deltagare, figures. A question that asks for a
 * date ("När ska delrapport T2 upp?") is the årshjul's: here it is at most plausible. A command
 * (an import) or a request to post is another route's.
 */
export const TERTIAL_EVIDENCE: EvidenceTable<TertialSignal> = {
  signals: ['importCommand', 'opensWhen', 'asksDate', 'reporting'],
  groups: {
    tertialWord: { stems: ['tertial'], words: ['t1', 't2', 't3'] },
    outcome: { words: ['utfall'] },
    reportWord: { stems: ['rapport', 'lagesrapport', 'socialt bokslut'] },
    howMany: { stems: ['hur manga'] },
    counted: { stems: ['avslut', 'deltagare', 'nya', 'inskrivna'] },
    // Plural "deltagare"; "deltagaren" is one person's case, not the verksamhet's figures.
    figures: { words: ['siffror', 'statistik', 'deltagarsiffror'], exact: ['deltagare'] },
    // Requests, as imperatives: "posta", "skicka ut" – not "postas", "skickas".
    postVerb: { exact: ['posta', 'publicera'] },
    sendVerb: { exact: ['skicka'] },
  },
  rules: [
    // A "när" question is at most plausible here, whatever its words.
    { all: ['opensWhen'], score: 0.5 },
    { all: ['tertialWord'], score: 0.95 },
    { all: ['outcome'], score: 0.95 },
    { all: ['reporting', 'reportWord'], none: ['tertialWord', 'outcome'], score: 1 },
    { all: ['reporting'], score: 0.9 },
    { all: ['howMany', 'counted'], score: 0.85 },
    { all: ['figures'], score: 0.7 },
  ],
  limits: [
    { all: ['importCommand'], score: 0 },
    { all: ['postVerb'], score: 0 },
    { all: ['sendVerb', 'tertialWord'], score: 0 },
    { all: ['asksDate'], score: 0.5 },
    // "Hur länge får en deltagare vara inskriven?" asks a duration, which no tertial figure is.
    { all: ['form:hur-lange'], score: 0 },
  ],
};

/**
 * "Posta T2-sammanfattning för Vuxentorget till styrgruppen": a verb of posting, as a request
 * (not "när skickas rapporten?"), with what is posted.
 */
export const POST_EVIDENCE: EvidenceTable = {
  groups: {
    postVerb: { exact: ['posta', 'publicera', 'skicka', 'dela'] },
    posted: { stems: ['sammanfattning', 'tertial', 'siffror', 'rapport', 't1', 't2', 't3'] },
  },
  rules: [{ all: ['postVerb', 'posted'], score: 0.97 }],
};
