import type { Choice, Reply } from '../src/core/reply.js';
import type { HelpExamples } from '../src/domain/examples.js';

/** One thing the bot can do, as the help presents it. */
export interface Capability {
  label: string;
  /** One line for the overview. */
  summary: string;
  description: string;
  examples: readonly string[];
}

/** Example names for when no data is at hand: generic words, no förbund's names. */
export const GENERIC_EXAMPLES: HelpExamples = { verksamhet: 'verksamheten', verksamhetGenitive: 'verksamhetens', party: 'Arbetsförmedlingen', group: 'styrgruppen' };

/**
 * What the bot can do (DESIGN.md, Capabilities), in the order the help lists it. The example
 * questions name the deployment's own verksamhet, party and group (src/domain/examples.ts).
 */
export function capabilities(ex: HelpExamples = GENERIC_EXAMPLES): readonly Capability[] {
  const year = ex.year ? ` ${ex.year}` : '';
  return [
    {
      label: 'Aktualiseringscheck',
      summary: 'vem som ska förankra, vilken väg ärendet tar och om personen passar målgruppen',
      description:
        'Jag går igenom vem som ska förankra innan en aktualisering, vilken väg ärendet tar (beredning, gemensam kartläggning eller direkt) och om personen passar verksamhetens målgrupp. Jag frågar bara efter det som saknas och behöver aldrig namn eller personnummer.',
      examples: [
        `Kan en 23-åring aktualiseras till ${ex.verksamhet}?`,
        'Regionen vill aktualisera en person med sjukpenning. Vem ska förankra?',
        'Behöver individen lämna samtycke innan parterna utbyter uppgifter?',
      ],
    },
    {
      label: 'Åtaganden och kontakter',
      summary: 'vad parterna har åtagit sig, organisationsnummer, grupper och kontaktpersoner',
      description:
        'Jag berättar vad varje part har åtagit sig i en verksamhet, parternas organisationsnummer, vem som sitter i vilken grupp och vem du kontaktar.',
      examples: [
        `Vad åtar sig ${ex.party} i ${ex.verksamhet}?`,
        'Vad är Försäkringskassans organisationsnummer?',
        'Vem kontaktar jag på psykiatrin?',
      ],
    },
    {
      label: 'Årshjul och påminnelser',
      summary: `möten och deadlines för styrelse, ${ex.group} och andra grupper, och påminnelser till en kanal`,
      description:
        `Jag svarar på när styrelsen, ${ex.group} och andra grupper har möten och när saker ska vara inlämnade, och kan påminna en kanal före varje möte.`,
      examples: ['När är nästa styrelsemöte?', 'Vilka möten är det i maj?', 'När ska bilagan med parternas åtaganden vara inlämnad?'],
    },
    {
      label: 'Tertialsiffror och budget',
      summary: 'deltagarsiffror per tertial och budget per verksamhet och år',
      description:
        'Jag visar deltagarsiffror per tertial (T1 jan–apr, T2 maj–aug, T3 sep–dec) med förändring mot förra tertialen och samma tertial förra året, och budget per verksamhet och år.',
      examples: [`Vad är ${ex.verksamhetGenitive} budget${year}?`, `Siffror T2 ${ex.verksamhet}${year}`, `Vilka rapporter lämnar ${ex.verksamhet} under året?`],
    },
    {
      label: 'Sök i överenskommelserna',
      summary: 'de stycken i överenskommelserna som passar din fråga bäst, med källa',
      description:
        'Har jag ingen färdig dialog för din fråga söker jag i överenskommelserna och visar de stycken som passar bäst, med källa.',
      examples: ['Hur kan en överenskommelse sägas upp?', 'Vad säger överenskommelsen om uppföljning?'],
    },
  ];
}

export const HELP_QUESTION = 'Vad vill du veta mer om? Välj ett område – eller ställ din fråga direkt.';

/** The overview "hjälp" gives: every capability in one line each, and a few example questions. */
export function helpOverview(ex: HelpExamples = GENERIC_EXAMPLES): Reply {
  return {
    text:
      'Jag är Samverkansboten och svarar på frågor om samordningsförbundets överenskommelser. Varje svar visar sin källa. Det här kan jag:',
    facts: capabilities(ex).map((c) => ({ label: c.label, value: c.summary })),
  };
}

/** The choices of the help prompt: one per capability. */
export function capabilityChoices(): Choice[] {
  return capabilities().map((c) => ({ label: c.label }));
}

/** A capability's description with its example questions as choices (pressing one asks it). */
export function capabilityReply(capability: Capability): Reply {
  return {
    text: `${capability.label}: ${capability.description}\n\nPröva till exempel:`,
    choices: capability.examples.map((e) => ({ label: e })),
  };
}

/** Greeting for "hej" and for a new member of the conversation. */
export function welcomeReply(ex: HelpExamples = GENERIC_EXAMPLES): Reply {
  return {
    text:
      'Hej! Jag är Samverkansboten. Fråga mig om aktualisering, parternas åtaganden och kontakter, årshjulet, tertialsiffror och budget – jag svarar ur överenskommelserna och visar källan. Skriv ”hjälp” för att se allt jag kan.',
    choices: [{ label: 'hjälp' }, { label: 'När är nästa styrelsemöte?' }, { label: `Vad åtar sig ${ex.party} i ${ex.verksamhet}?` }],
  };
}
