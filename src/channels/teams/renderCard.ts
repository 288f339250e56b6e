import type { Attachment } from 'botbuilder';
import type { Reply } from '../../core/reply.js';
import { EXEMPELDATA_MARKER, renderText, sourceLine } from '../../core/renderText.js';

/** The content type Bot Framework channels use for an Adaptive Card attachment. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * Schema 1.5 is what Teams desktop, web and mobile render today (Teams' own card designer
 * targets it); newer elements are not used, so older hosts fall back only on the version check.
 */
export const ADAPTIVE_CARD_VERSION = '1.5';

/** The key a card button puts in `activity.value`: the text the user would otherwise type. */
export const CHOICE_DATA_KEY = 'samverkansChoice';

/** The subset of Adaptive Card elements this renderer produces (plain JSON, what the channel receives). */
export type CardElement =
  | {
      type: 'TextBlock';
      text: string;
      wrap: true;
      size?: 'Small';
      weight?: 'Bolder';
      color?: 'Warning';
      isSubtle?: true;
      spacing?: 'None' | 'Medium';
    }
  | { type: 'FactSet'; facts: { title: string; value: string }[]; spacing?: 'Medium' }
  | { type: 'Container'; items: CardElement[]; separator?: true; spacing?: 'Medium' }
  | { type: 'ActionSet'; actions: SubmitAction[]; spacing?: 'None' | 'Medium' };

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: { [CHOICE_DATA_KEY]: string };
}

/**
 * Hosts cap the buttons of one action list (Teams' host config: a handful; extra ones are not
 * shown). Up to this many choices go in the card's own actions; more are laid out in the body as
 * rows of at most this many, so every choice stays visible.
 */
export const MAX_ACTIONS_PER_ROW = 5;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  /** What a host that cannot render the card shows instead: the whole answer as plain text. */
  fallbackText: string;
  body: CardElement[];
  actions?: SubmitAction[];
}

/**
 * TextBlocks and facts render Markdown, and Adaptive Cards define no escape for it, so an imported
 * `[label](url)` would become a live link whose target the reader does not see. A zero-width space
 * between `]` and `(` leaves the text looking the same but no longer a link. Bare URLs stay: a
 * host may link them, but then the reader sees where the link goes.
 */
export function cardText(text: string): string {
  return text.replace(/\](?=\()/g, ']\u200B');
}

/**
 * One TextBlock per line keeps the reply's line structure (bullets, dated lists) in every host:
 * Teams joins single newlines inside a TextBlock's markdown. Lines after a blank line get a gap.
 */
function textBlocks(text: string): CardElement[] {
  const blocks: CardElement[] = [];
  let gap = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      gap = blocks.length > 0;
      continue;
    }
    blocks.push({ type: 'TextBlock', text: cardText(line), wrap: true, ...(blocks.length === 0 ? {} : { spacing: gap ? 'Medium' : 'None' }) });
    gap = false;
  }
  return blocks;
}

/**
 * The Adaptive Card of a Reply (Teams and other Bot Framework channels): the answer text,
 * facts as a FactSet, the sources in a small subtle footer, choices as submit buttons whose
 * data carries the value the user would type. Content is the same as {@link renderText}.
 */
export function renderCard(reply: Reply): AdaptiveCard {
  const body: CardElement[] = [];
  if (reply.exempeldata) {
    body.push({ type: 'TextBlock', text: EXEMPELDATA_MARKER, wrap: true, size: 'Small', weight: 'Bolder', color: 'Warning' });
  }
  body.push(...textBlocks(reply.text));
  if (reply.facts && reply.facts.length > 0) {
    body.push({ type: 'FactSet', facts: reply.facts.map((f) => ({ title: cardText(f.label), value: cardText(f.value) })), spacing: 'Medium' });
  }
  const actions: SubmitAction[] = (reply.choices ?? []).map((c) => ({
    type: 'Action.Submit',
    title: c.label,
    data: { [CHOICE_DATA_KEY]: c.value ?? c.label },
  }));
  if (actions.length > MAX_ACTIONS_PER_ROW) {
    for (let i = 0; i < actions.length; i += MAX_ACTIONS_PER_ROW) {
      body.push({ type: 'ActionSet', actions: actions.slice(i, i + MAX_ACTIONS_PER_ROW), spacing: i === 0 ? 'Medium' : 'None' });
    }
  }
  if (reply.sources && reply.sources.length > 0) {
    const lines = [...new Set(reply.sources.map(sourceLine))];
    body.push({
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: lines.map((line, i) => ({
        type: 'TextBlock',
        text: cardText(line),
        wrap: true,
        size: 'Small',
        isSubtle: true,
        ...(i === 0 ? {} : { spacing: 'None' }),
      })),
    });
  }
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    fallbackText: renderText(reply),
    body,
  };
  if (actions.length > 0 && actions.length <= MAX_ACTIONS_PER_ROW) card.actions = actions;
  return card;
}

/** The card as a Bot Framework attachment. */
export function cardAttachment(reply: Reply): Attachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderCard(reply) };
}

/** Every choice button of a card, wherever it is laid out (card actions or body rows). */
export function cardActions(card: AdaptiveCard): SubmitAction[] {
  const inBody = (elements: readonly CardElement[]): SubmitAction[] =>
    elements.flatMap((e) => (e.type === 'ActionSet' ? e.actions : e.type === 'Container' ? inBody(e.items) : []));
  return [...inBody(card.body), ...(card.actions ?? [])];
}
