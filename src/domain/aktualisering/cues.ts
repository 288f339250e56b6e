/**
 * What the aktualiseringscheck answers, in one table (src/understanding/cues.ts): its cue words by
 * group, and the combinations that make a question its own. The words of Bilaga 3 (aktualisera,
 * förankra, samtycke, remiss, hänvisa, gemensam kartläggning, avslutsorsaker, ärendebärare) with a
 * case (a referring party, a benefit, a person, a verksamhet) are surely ours; a person described
 * (an age, a benefit) asked to fit a verksamhet's målgrupp is ours; a plain "vad är målgruppen"
 * belongs to the agreement answers. The signals come from the feature's extractor (data/'s
 * parties, verksamheter and förbund names), never from words written here.
 */
import type { EvidenceTable } from '../../understanding/cues.js';
import type { AktIntent } from './answer.js';

/** The signals the feature computes from data/ for a question (recognize.ts). */
export type AktSignal = 'referrer' | 'verksamhet' | 'age' | 'caseFacts';

/** Question forms that ask for a value: a duration, a date, an amount is not a person's fit. */
const VALUE_FORMS = ['form:hur-lange', 'form:nar', 'form:hur-mycket'];

export const AKTUALISERING_EVIDENCE: EvidenceTable<AktSignal> = {
  signals: ['referrer', 'verksamhet', 'age', 'caseFacts'],
  groups: {
    referral: {
      stems: ['aktualiser', 'forankr', 'remiss', 'remitter', 'hanvisa', 'samtyck', 'medgivande', 'avslutsorsak', 'arendebarar', 'gemensam kartlagg', 'gemensamma kartlagg'],
    },
    benefit: {
      stems: ['sjukpen', 'aktivitetsersattning', 'forsorjningsstod', 'ekonomiskt bistand', 'etableringsersattning', 'sjukersattning', 'a-kassa', 'akassa', 'a kassa', 'aktivitetsstod', 'sjukskriv'],
    },
    person: {
      words: ['hon', 'han', 'hen', 'personen', 'individen'],
      stems: ['en person', 'klient', 'patient', 'ungdom', 'deltagare', 'brukare'],
    },
    malgrupp: { stems: ['malgrupp'] },
    media: { stems: ['journalist', 'media', 'press', 'reporter', 'intervju', 'tidning', 'radio', 'tv-'] },
    // Verbs of a person's fit: "kan/får hon …", "ryms", "passar", "ingår", "för gammal".
    fit: {
      words: ['kan', 'far', 'ryms', 'passar', 'passa', 'ingar', 'inga', 'tillhor', 'tillhora', 'omfattas', 'aktuell', 'funkar', 'fungerar'],
      stems: ['kvalificera', 'skrivas in', 'skriva in', 'hor till', 'hor hon till', 'hor han till', 'hor hen till', 'for gammal', 'for ung', 'gammal nog', 'ung nog'],
    },
    // Verbs of sending a person somewhere.
    send: {
      words: ['skicka', 'slussa', 'anmala'],
      stems: ['remitt', 'komma till', 'ta emot', 'fa plats', 'borja pa'],
    },
    consult: { stems: ['stamma av', 'stammer av', 'avstamning'] },
    ageAsk: { stems: ['alder', 'aldersgrupp', 'aldersgrans', 'hur gammal', 'hur unga', 'hur gamla'] },
    contactAsk: { stems: ['vem ringer', 'vem ska jag ringa', 'vem kontaktar', 'vem ska jag kontakta', 'vem mejlar', 'vem mailar', 'kontaktperson'] },
    exchange: { stems: ['utbyt'] },
    arendebarare: { stems: ['arendebarar'] },
    uppgifter: { words: ['uppgifter', 'uppgifterna'] },
    beredning: { words: ['beredning'] },
    arenden: { words: ['arenden', 'arende'] },
    handlingsplan: { stems: ['handlingsplan'] },
    followUpAsk: { stems: ['folj', 'uppfolj', 'hur ofta', 'hur tat'] },
    asks: { words: ['vem', 'vilka', 'vilken', 'hur', 'kan', 'ska', 'maste', 'behover', 'vart', 'vad', 'gor'] },
    // Words of the intents (detectIntent).
    avslut: { stems: ['avslutsorsak', 'avslut i samverkan', 'avslutas i samverkan', 'avslut fran samverkan', 'hur avslut', 'nar avslut', 'avslutas en', 'avslutas person', 'avslutas individ', 'avslutas deltagare'] },
    followUp: { stems: ['hur ofta', 'hur tat', 'handlingsplan', 'uppfoljning av planen', 'uppfoljningen av planen', 'uppfoljning av handlingsplan', 'uppfoljningen av handlingsplan'] },
    consent: { stems: ['samtyck', 'medgivande'] },
    // What a fit question asks ("passar hen …", "målgruppen") and what a förankring question asks.
    fitVerb: { words: ['passar', 'passa', 'ryms', 'rymmas', 'ingar', 'inga', 'tillhor', 'tillhora', 'omfattas', 'funkar', 'fungerar'], stems: ['malgrupp', 'skrivas in', 'skriva in'] },
    forankringAsk: { stems: ['forankr', 'vem ska', 'vem maste', 'vem behover', 'aktualiser'], words: ['vag', 'vagen'] },
    fitModal: { words: ['kan', 'far', 'ryms', 'passar', 'passa', 'ingar', 'inga', 'tillhor', 'omfattas', 'funkar', 'fungerar'], stems: ['skrivas in'] },
    fitAsk: { stems: ['malgrupp', 'aldersgrans', 'hur gammal', 'for ung', 'for gammal', 'hel sjukersattning', 'missbruk'] },
    choice: { words: ['eller', 'el', 'elr', 'alternativt'] },
    describe: { words: ['vad', 'vilka', 'vem', 'hur', 'beskriv'], stems: ['vad ar', 'vad innebar'] },
  },
  rules: [
    { all: ['referral'], any: ['benefit', 'referrer', 'verksamhet', 'malgrupp', 'person', 'age'], none: ['media'], score: 1 },
    // "En journalist ringde – vem ska jag förankra med?" is the kommunikationsplan's förankring of media contacts, not a referral.
    { all: ['referral'], none: ['media'], score: 0.95 },
    // A described person (an age, a benefit) is checked against the target group – when the question
    // asks whether ("får hon …?", "vilka ryms …"), not for a value ("hur länge får en deltagare vara inskriven?").
    // "Vem ringer jag om en patient som är aktuell i teamet?" asks for a contact, not the person's fit.
    { all: ['fit', 'verksamhet', 'age'], none: [...VALUE_FORMS, 'contactAsk'], score: 1 },
    { all: ['fit', 'verksamhet', 'benefit'], none: [...VALUE_FORMS, 'contactAsk'], score: 1 },
    { all: ['fit', 'malgrupp', 'age'], none: VALUE_FORMS, score: 1 },
    { all: ['fit', 'malgrupp', 'benefit'], none: VALUE_FORMS, score: 1 },
    { all: ['fit', 'verksamhet', 'person'], none: [...VALUE_FORMS, 'malgrupp', 'contactAsk'], score: 0.97 },
    { all: ['fit', 'malgrupp', 'person'], none: VALUE_FORMS, score: 0.85 },
    { all: ['exchange', 'uppgifter'], score: 0.95 },
    { all: ['send', 'verksamhet'], any: ['referrer', 'person', 'benefit', 'age'], score: 0.95 },
    { all: ['send', 'malgrupp'], any: ['referrer', 'person', 'benefit', 'age'], score: 0.95 },
    { all: ['beredning'], any: ['verksamhet', 'arenden'], score: 1 },
    { all: ['consult'], any: ['referrer', 'person', 'age'], score: 0.9 },
    // "Vilken åldersgrupp omfattas av KAA?": the ages a referring party's own process covers (its eligibility in data/).
    { all: ['referrer', 'ageAsk'], none: ['verksamhet'], score: 0.9 },
    { all: ['benefit', 'asks'], any: ['referrer', 'person', 'age'], score: 0.85 },
    { all: ['handlingsplan'], any: ['person', 'age'], score: 1 },
    // The individual's plan followed up (Bilaga 3), not an agreement that calls itself a handlingsplan.
    { all: ['handlingsplan', 'followUpAsk'], score: 0.95 },
  ],
};

/**
 * The intents of a question routed here, in the order they are tried (the first that holds wins):
 * a process question without a case of its own gets the process's rules; `fit` and `path` are
 * decided in detectIntent from the case facts and data/'s paths; the rest is förankring.
 */
export const INTENT_RULES: readonly { intent: Exclude<AktIntent, 'fit' | 'path' | 'forankring'>; rule: { all: readonly string[]; any?: readonly string[]; none?: readonly string[] } }[] = [
  { intent: 'avslut', rule: { all: ['avslut'] } },
  // "Vem blir ärendebärare för en person med sjukpenning?" asks the process's rule, whatever the case.
  { intent: 'arendebarare', rule: { all: ['arendebarare', 'form:vem'] } },
  { intent: 'arendebarare', rule: { all: ['arendebarare'], none: ['caseFacts'] } },
  { intent: 'uppfoljning', rule: { all: ['followUp'], none: ['caseFacts'] } },
  { intent: 'samtycke', rule: { all: ['consent'], none: ['caseFacts', 'age', 'verksamhet'] } },
  { intent: 'samtycke', rule: { all: ['exchange', 'uppgifter'], none: ['caseFacts', 'age', 'verksamhet'] } },
];
