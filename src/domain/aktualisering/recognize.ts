import { extractAge, extractReferringParty, extractVerksamhet, type Lexicon } from './extract.js';

/**
 * How well an utterance (normalised, see src/domain/text.ts) fits the aktualiseringscheck, 0..1.
 * Strong cues are the words of Bilaga 3 (aktualisera, förankra, samtycke, remiss, hänvisa,
 * gemensam kartläggning, avslutsorsaker) and target-group questions about a person ("kan en
 * 23-åring …"). A plain "vad är målgruppen" belongs to the agreement answers, not here.
 */
export function aktualiseringScore(normalized: string, lexicon: Lexicon): number {
  const n = normalized;
  const benefit = /sjukpen|aktivitetsersattning|forsorjningsstod|ekonomiskt bistand|etableringsersattning|sjukersattning|a-?kassa|aktivitetsstod|sjukskriv/.test(n);
  const party = extractReferringParty(n, lexicon) !== undefined;
  // A target group, a verksamhet or a förbund of data/ named.
  const verksamhet = /malgrupp/.test(n) || extractVerksamhet(n, lexicon) !== undefined || namesForbund(n, lexicon);
  // One reader of a person's age (the dialog's own): "är 6 timmar i veckan" is no age.
  const age = extractAge(n) !== undefined;
  const person = age
    || /\b(hon|han|hen|personen|individen|en person|(klient|patient|ungdom|deltagare|brukare)\w*)\b/.test(n);
  const fitWords = /\b(kan|far|ryms|passar|ingar|tillhor|hor (?:\w+ )?till|omfattas|kvalificera\w*|aktuell)\b|\bfor (gammal|ung)\b|(gammal|ung) nog/.test(n);

  if (/\baktualiser|\bforankr|\bremiss|\bremitter|\bhanvisa|\bsamtyck|\bmedgivande|avslutsorsak|\barendebarar|gemensam(ma)? kartlaggning/.test(n)) {
    return benefit || party || verksamhet || person ? 1 : 0.95;
  }
  // "… i målgruppen för Vuxentorget" is the agreement answers' (they score it 0.99); a person-fit question without that word is ours.
  // A described person (an age, a benefit) is checked against the target group: "ingår hon, 23, i
  // Vuxentorgets målgrupp?" asks for a verdict on her, not for the målgrupp text.
  const described = age || benefit;
  if ((person || benefit) && fitWords && verksamhet) return described ? 1 : /malgrupp/.test(n) ? 0.85 : 0.97;
  if (/\b(fatt ja|ja i beredningen|ja till samverkan)\b/.test(n)) return 0.97;
  if (/\butbyt\w* uppgifter|\buppgifter\b.*\butbyt/.test(n)) return 0.95;
  if ((party || person || benefit) && verksamhet && /\b(skicka|slussa|remitt\w*|anmala|komma till|ta emot|fa plats|borja pa)\b/.test(n)) return 0.95;
  if (beredningOf(n, lexicon)) return 1;
  if (/etablering/.test(n) && /kartlagg|sammankall|samverkansgrupp|gemensamma traffar|traffar/.test(n)) return 1;
  if (/\bstamma av|\bstammer av|\bavstamning/.test(n) && (party || person)) return 0.9;
  if (benefit && (party || person) && /\b(vem|vilka|vilken|hur|kan|ska|maste|behover|vart|vad|gor)\b/.test(n)) return 0.85;
  // A person's handlingsplan ("får personen en handlingsplan?"), not an agreement that calls itself one ("överenskommelsen/handlingsplanen").
  if ((person && /handlingsplan/.test(n)) || /uppfoljning(en)? av (planen|handlingsplanen)|foljs (handlings)?planen upp|(handlings)?planen foljs upp|var tredje manad|avslutas i samverkan|ja eller nej till gemensamma insatser/.test(n)) return 1;
  if (/\bkaa\b|aktivitetsansvar/.test(n)) return /alder|omfatta|vilka|ungdom|aktualiser|gymnasie/.test(n) ? 0.97 : 0.6;
  if (/arenor for provning|samverkansgrupp(en)? for etablering/.test(n)) return 0.9;
  return 0;
}

function namesForbund(n: string, lexicon: Lexicon): boolean {
  const padded = ` ${n} `;
  return lexicon.forbundNames.some((name) => padded.includes(` ${name}`));
}

/** "beredning av ärenden", "beredningen för <verksamhet>", "beredningen på <verksamhet>". */
function beredningOf(n: string, lexicon: Lexicon): boolean {
  const m = /\bberedning(?:en)? (for|till|av|pa) (.*)$/.exec(n);
  if (!m) return false;
  const [, word, rest = ''] = m;
  if (word !== 'pa' && /^arenden\b/.test(rest)) return true;
  return extractVerksamhet(rest.split(' ').slice(0, 4).join(' '), lexicon) !== undefined;
}
