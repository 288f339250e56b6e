import type { ConversationCore } from '../../src/core/conversationCore.js';
import type { Reply } from '../../src/core/reply.js';
import { teamsWelcomeReply } from '../../src/channels/teams/welcome.js';

/** Quick questions whose replies cover the reply kinds: help, calendar, commitments, figures, budget, search. */
export const QUICK_QUESTIONS = [
  'hjälp',
  'När är nästa styrelsemöte?',
  'Vad åtar sig Arbetsförmedlingen i Vuxentorget?',
  'Siffror T2 Vuxentorget 2023',
  'Budget Vuxentorget 2024',
  'Vem kontaktar jag på psykiatrin?',
];

/** Opens an aktualisering dialog and answers each step with its first choice. */
export const AKTUALISERING_START = 'Kan en person aktualiseras till Vuxentorget?';

let n = 0;

/**
 * Real replies of the bot (every kind of card a user meets): the quick questions, each step of an
 * aktualisering dialog answered with its first choice, plus the Teams welcome.
 */
export async function sampleReplies(core: ConversationCore, channelId = 'web'): Promise<{ label: string; reply: Reply }[]> {
  const out: { label: string; reply: Reply }[] = [];
  for (const text of QUICK_QUESTIONS) {
    const conversationId = `samples-${++n}`;
    for (const reply of await core.ask({ channelId, conversationId, userId: `u-${conversationId}`, text })) out.push({ label: text, reply });
  }
  const conversationId = `samples-${++n}`;
  let text = AKTUALISERING_START;
  for (let step = 0; step < 8; step++) {
    const replies = await core.ask({ channelId, conversationId, userId: `u-${conversationId}`, text });
    for (const reply of replies) out.push({ label: `aktualisering steg ${step + 1}: ${text}`, reply });
    const choice = replies.flatMap((r) => r.choices ?? [])[0];
    if (!choice) break;
    text = choice.value ?? choice.label;
  }
  out.push({ label: 'Teams-välkomst', reply: teamsWelcomeReply('channel') });
  return out;
}

/** Replies at the edges: many long choices, much text, many facts and sources, exempeldata. */
export const EDGE_REPLIES: { label: string; reply: Reply }[] = [
  {
    label: 'många långa val',
    reply: {
      text: 'Vilken part aktualiserar?',
      choices: [
        'Regionen (psykiatri, primärvård och habilitering)',
        'Socialtjänsten i hemkommunen',
        'Försäkringskassan',
        'Arbetsförmedlingen',
        'Kommunens arbetsmarknadsavdelning (KAA)',
        'Etableringsprogrammet',
        'Kriminalvården, frivård',
        'Annan part eller vet inte',
      ].map((label) => ({ label })),
    },
  },
  {
    label: 'tre korta val',
    reply: { text: 'Har personen lämnat samtycke?', choices: [{ label: 'Ja' }, { label: 'Nej' }, { label: 'Vet inte' }] },
  },
  {
    label: 'långt svar med exempeldata',
    reply: {
      exempeldata: true,
      text: ['Vuxentorget T2 2023: 41 deltagare, 12 avslutade.', ...Array.from({ length: 12 }, (_, i) => `• Rad ${i + 1} med en del detaljer om tertialen`)].join('\n'),
      facts: Array.from({ length: 12 }, (_, i) => ({ label: `Mått ${i + 1}`, value: `${i * 7} personer` })),
      sources: Array.from({ length: 8 }, (_, i) => ({
        doc: `d${i % 2}.txt`,
        section: `Bilaga ${i + 1}, Avsnitt om något`,
        title: i % 2 ? 'Överenskommelse/Verksamhetsplan 2023 och mötesplan 2023, Samordningsförbundet Umeåregionen (styrelsen 2022-11-25)' : 'Överenskommelse Samverkansplattform Vuxentorget (2020)',
        date: i % 2 ? '2022-11-25' : '2020-01-24',
      })),
      choices: [{ label: 'Jämför med T1' }, { label: 'Budget' }],
    },
  },
];
