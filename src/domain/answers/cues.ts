/**
 * What the agreement answers answer, in one table per intent (src/understanding/cues.ts): their
 * cue words by group and the combinations with what the question names of data/ (a party or its
 * unit, a group, a verksamhet, the förbund) that make a question theirs and how sure that is. The
 * "foreign" table holds the cues of questions another feature answers (budget and tertial
 * figures, the årshjul, the aktualisering rules, decisions and applications). Cue words are
 * generic Swedish; names come from data/ as entities.
 */
import type { CueGroup, EvidenceTable } from '../../understanding/cues.js';
import type { MalgruppTopic } from './malgrupp.js';

/**
 * Signals the intents compute (intent.ts): a party or one of its units named; the question, read
 * whole, opens as a yes/no question (form.ts `questionForm` of all its tokens — stricter than the
 * turn's form, which also reads a last clause: "…, eller?").
 */
export type IntentSignal = 'party' | 'yesnoWhole';

const CONTACT: CueGroup = { stems: ['kontakt', 'ring', 'telefon', 'mejl', 'mailadress', 'epost', 'natt', 'na dem'] };
/** "Initiativ" and the compounds it heads ("samverkansinitiativen"). */
const INITIATIVE: CueGroup = {
  stems: ['initiativ'],
  words: ['samverkansinitiativ'],
  ends: ['initiativ', 'initiativet', 'initiativen', 'initiativs', 'initiativets', 'initiativens'],
};

export const KONTAKTER_EVIDENCE: EvidenceTable = {
  groups: {
    contact: CONTACT,
    invoice: { stems: ['faktur', 'rekvir'] },
    who: { words: ['vem'] },
    askAbout: { stems: ['fragor om', 'fraga om', 'vander'] },
  },
  rules: [
    { all: ['contact'], score: 0.9 },
    { all: ['invoice'], score: 0.86 },
    { all: ['who', 'askAbout'], score: 0.7 },
  ],
};

export const ORGANISATION_EVIDENCE: EvidenceTable<IntentSignal> = {
  signals: ['party', 'yesnoWhole'],
  groups: {
    orgNumber: { stems: ['organisationsnum'] },
    member: { stems: ['medlem', 'anslut'] },
    kommun: { stems: ['kommun'] },
    which: { words: ['vilka'], stems: ['hur manga'] },
    signing: { stems: ['underteckn', 'underskri', 'signer'] },
    wrote: { words: ['skrev'] },
    under: { words: ['under'] },
    // What is asked about a group: who sits in it, what it does, how it is made up.
    organAsk: { stems: ['sitter', 'bestar', 'ledamot', 'ersattare', 'represent', 'uppgift', 'sammansat', 'leder', 'ordforande', 'gor', 'ansvar', 'hur manga', 'vilka', 'vem', 'vad ar', 'roll'] },
    representIn: { stems: ['represent', 'sitter i', 'finns med'] },
    forbundWord: { words: ['forbundet', 'samordningsforbundet'] },
    structure: { stems: ['forbundschef', 'kansli', 'nivaer', 'organiser', 'samverkansorganisation'] },
    parties: { stems: ['parter'] },
    whoWhich: { words: ['vilka', 'vem'] },
  },
  rules: [
    { all: ['orgNumber'], score: 0.99 },
    { all: ['member'], score: 0.86 },
    { all: ['kommun', 'which'], score: 0.86 },
    { all: ['signing'], score: 0.86 },
    { all: ['wrote', 'under'], score: 0.86 },
    { all: ['entity:organ', 'organAsk'], score: 0.78 },
    // A party in a group or in the förbund, unless the group's own question is asked (above).
    { all: ['party', 'representIn'], none: ['entity:organ'], score: 0.82 },
    { all: ['party', 'representIn', 'entity:organ'], none: ['organAsk'], score: 0.82 },
    // A yes/no question naming a party and a group, or a party and the förbund itself, asks about
    // representation or membership, whatever its verb.
    { all: ['party', 'yesnoWhole'], any: ['entity:forbund', 'forbundWord'], none: ['entity:organ'], score: 0.82 },
    { all: ['party', 'yesnoWhole', 'entity:organ'], none: ['organAsk'], score: 0.82 },
    { all: ['structure'], score: 0.78 },
    { all: ['parties', 'whoWhich'], score: 0.78 },
    // A group named without a question about it ("vad föreslår beredningsgruppen om …") is for the search.
    { all: ['entity:organ'], score: 0.45 },
  ],
};

export const INITIATIV_EVIDENCE: EvidenceTable = {
  groups: { initiative: INITIATIVE, convene: { stems: ['sammankall'] } },
  rules: [
    { all: ['initiative'], score: 0.99 },
    // "Vem är sammankallande för samordningsteamet i X" names a verksamhet, not an initiative.
    { all: ['convene'], none: ['entity:verksamhet'], score: 0.78 },
  ],
};

/** The signals of the målgrupp intent: which of its topics the question asks about (malgruppTopics). */
export type MalgruppSignal = 'topic' | 'strongTopic';

export const MALGRUPP_EVIDENCE: EvidenceTable<MalgruppSignal> = {
  signals: ['topic', 'strongTopic'],
  groups: {
    // The topic's own word leaves no doubt whose question it is. "Indikator" as a word of its
    // own: an "indikatorprojekt" is a project, not a question about indicators.
    explicit: {
      stems: ['malgrupp', 'effektmal', 'syfte', 'vision', 'uppsagning', 'omforhandl', 'matbara mal'],
      words: ['indikator', 'indikatorn', 'indikatorer', 'indikatorerna'],
    },
  },
  rules: [
    { all: ['topic', 'explicit'], score: 0.99 },
    { all: ['strongTopic'], score: 0.84 },
    { all: ['topic'], score: 0.74 },
  ],
};

/** The topics whose words make a question clearly the målgrupp answer's (the others only plausibly). */
export const STRONG_TOPICS: readonly MalgruppTopic[] = ['malgrupp', 'mal', 'villkor', 'resultat', 'syfte'];

/** Signals of the topics: the agreement's validity asked for (src/domain/routing/dateQuestion.ts). */
export type TopicSignal = 'validity';

/** The målgrupp answer's topics (malgrupp.ts `malgruppTopics`), in order of specificity. */
export const MALGRUPP_TOPIC_EVIDENCE: EvidenceTable<TopicSignal> = {
  signals: ['validity'],
  groups: {
    villkor: { stems: ['uppsag', 'omforhand', 'andring', 'andras', 'avise', 'varsel', 'tvist', 'upphor', 'forandr', 'minskar', 'dra sig ur'] },
    uppfoljning: { stems: ['uppfoljning', 'rapport', 'redovis', 'bokslut', 'lagesrapport', 'utvarder', 'indikatorenkat', 'sus', 'foljs', 'folja', 'foljer'] },
    ersattning: { stems: ['ersattning', 'utbetal', 'faktur', 'betal', 'rekvir', 'moms', 'medel', 'kostnad'] },
    resultat: { stems: ['resultat', 'utfall', 'gick det', 'lyckades'] },
    giltighet: { stems: ['giltig', 'tillsvidare', 'varaktig', 'period', 'startade', 'borjade', 'upphora'] },
    // "Hur länge gäller avtalet?" is the agreement's validity; "hur länge får en deltagare vara inskriven?" is not.
    lasts: { stems: ['lange'] },
    agreementWord: { stems: ['overenskommels', 'avtal', 'handlingsplan', 'verksamhetsplan', 'galler', 'gallde', 'loper', 'lopte', 'varar', 'varade'] },
    malgrupp: { stems: ['malgrupp', 'aldersgr', 'aring', 'gammal', 'alder', 'aldrar', 'exklu', 'bosatt', 'bor i', 'ingar inte', 'prioriter', 'hel sjukersattning', 'aktivt missbruk'] },
    whoWhich: { words: ['vem', 'vilka'] },
    canJoin: { stems: ['kan delta', 'kan fa', 'riktar'] },
    mal: { stems: ['indikator', 'matbar', 'effektmal', 'malsattning', 'strategiska mal', 'delmal', 'volymmal', 'maluppfyll'], words: ['mal', 'malen', 'malet', 'malsattningen'] },
    syfte: { stems: ['syfte', 'vision', 'bakgrund'] },
  },
  rules: [],
};

export const MALGRUPP_TOPIC_LINES: readonly { topic: MalgruppTopic; rule: { all: readonly string[]; any?: readonly string[] } }[] = [
  { topic: 'villkor', rule: { all: ['villkor'] } },
  { topic: 'uppfoljning', rule: { all: ['uppfoljning'] } },
  { topic: 'ersattning', rule: { all: ['ersattning'] } },
  { topic: 'resultat', rule: { all: ['resultat'] } },
  { topic: 'giltighet', rule: { all: [], any: ['giltighet', 'validity'] } },
  { topic: 'giltighet', rule: { all: ['lasts', 'agreementWord'] } },
  { topic: 'malgrupp', rule: { all: ['malgrupp'] } },
  { topic: 'malgrupp', rule: { all: ['whoWhich', 'canJoin'] } },
  { topic: 'mal', rule: { all: ['mal'] } },
  { topic: 'syfte', rule: { all: ['syfte'] } },
];

export const ATAGANDEN_EVIDENCE: EvidenceTable<IntentSignal> = {
  signals: ['party'],
  groups: {
    commitment: {
      stems: ['atagande', 'ataga', 'atar', 'bemann', 'bidrar', 'bidra', 'ska gora', 'ansvarar', 'resurser', 'medverkar', 'insatser', 'finansier'],
      words: ['uppdrag', 'uppdraget'],
    },
    roleVerb: { stems: ['gor', 'roll', 'deltar', 'jobbar', 'arbetar'] },
    initiative: INITIATIVE,
    contact: CONTACT,
  },
  rules: [
    // A party and a verksamhet together ("vad bidrar Vännäs kommun med i samordningsteamet") is a commitment question.
    { all: ['commitment', 'party', 'entity:verksamhet'], score: 0.92 },
    { all: ['commitment'], any: ['party', 'entity:verksamhet'], score: 0.86 },
    { all: ['commitment'], score: 0.68 },
    { all: ['party', 'entity:verksamhet', 'roleVerb'], score: 0.78 },
  ],
  // "X:s uppdrag" in an initiative is that feature's, and a contact question the contacts'.
  limits: [{ all: [], any: ['initiative', 'contact'], score: 0.6 }],
};

/** Signals of the foreign table: a tertial named, a date or the agreement's validity asked for, an age ("23 åring"). */
export type ForeignSignal = 'tertial' | 'asksDate' | 'validity' | 'age';

/** Cues of questions another feature answers: the intents are held below that feature's route. */
export const FOREIGN_EVIDENCE: EvidenceTable<ForeignSignal> = {
  signals: ['tertial', 'asksDate', 'validity', 'age'],
  groups: {
    budget: { stems: ['budget', 'tkr', 'kostnad', 'intakt', 'eget kapital', 'siffror', 'kronor', 'deltagarantal', 'utfall'] },
    calendar: { stems: ['datum', 'nasta mote', 'nasta sammantrade', 'motesplan', 'arshjul', 'paminn', 'kalender', 'inlamnad'] },
    aktualisering: { stems: ['aktualis', 'forankr', 'samtycke', 'remit', 'anvisa', 'handlingsplan', 'arendebarar', 'avslutsorsak'] },
    // Decisions and applications are found by search, not by these dialogs.
    decisions: { stems: ['beslut', 'nominer', 'ansokning', 'ansokan', 'utlysning', 'protokoll', 'paragraf', 'sokte', 'bifall', 'avslag'] },
  },
  rules: [
    { all: [], any: ['budget', 'tertial'], score: 1 },
    // A validity question ("mellan vilka datum gäller överenskommelsen") is the agreement's own.
    { all: [], any: ['asksDate', 'calendar'], none: ['validity'], score: 1 },
    { all: [], any: ['aktualisering', 'age'], score: 1 },
    { all: ['decisions'], score: 1 },
  ],
};
