import type { Attachment } from 'botbuilder';
import type { Choice, Reply } from '../../core/reply.js';
import { EXEMPELDATA_MARKER, renderText } from '../../core/renderText.js';
import { groupLabel, groupSources, splitLines, VISIBLE_FACTS } from '../replyParts.js';

/** The content type Bot Framework channels use for an Adaptive Card attachment. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * Schema 1.5 is what Teams desktop, web and mobile render today (Teams' own card designer
 * targets it); newer elements are not used, so older hosts fall back only on the version check.
 */
export const ADAPTIVE_CARD_VERSION = '1.5';

/**
 * The key a card submit puts in `activity.value`: the text the user would otherwise type. It is
 * both the data key of a choice button and the id of the choice list, whose selected value
 * Teams merges into the submit data under the input's id.
 */
export const CHOICE_DATA_KEY = 'samverkansChoice';

/** Element ids the toggle buttons show and hide (unique within a card). */
export const MORE_TEXT_ID = 'samverkansMoreText';
export const MORE_FACTS_ID = 'samverkansMoreFacts';
export const SOURCES_ID = 'samverkansSources';

/** The subset of Adaptive Card elements this renderer produces (plain JSON, what the channel receives). */
export type CardElement =
  | {
      type: 'TextBlock';
      text: string;
      wrap: true;
      size?: 'Small';
      weight?: 'Bolder';
      isSubtle?: true;
      spacing?: 'None' | 'Small' | 'Medium';
    }
  | { type: 'FactSet'; facts: { title: string; value: string }[]; spacing?: 'Medium' | 'None'; id?: string; isVisible?: false }
  | {
      type: 'Container';
      items: CardElement[];
      separator?: true;
      spacing?: 'Medium' | 'None';
      style?: 'warning' | 'attention';
      bleed?: true;
      id?: string;
      isVisible?: false;
    }
  | {
      type: 'Input.ChoiceSet';
      id: typeof CHOICE_DATA_KEY;
      style: 'expanded';
      wrap: true;
      isRequired: true;
      errorMessage: string;
      choices: { title: string; value: string }[];
      spacing?: 'Medium';
    }
  | { type: 'ActionSet'; actions: CardAction[]; spacing?: 'None' | 'Small' | 'Medium' };

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  /** A button's own choice; empty for the submit under a choice list (the list fills it in). */
  data: { [CHOICE_DATA_KEY]?: string };
}

export interface ToggleAction {
  type: 'Action.ToggleVisibility';
  title: string;
  targetElements: string[];
}

export type CardAction = SubmitAction | ToggleAction;

/**
 * Up to this many choices with short labels stay buttons in one row: at Teams' narrowest card
 * width (about 540 px) three buttons of this length fit without cutting a title. Anything more
 * becomes a vertical choice list with one submit button, where every title wraps and is read whole.
 */
export const MAX_BUTTONS = 3;
export const MAX_BUTTON_LABEL = 18;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  /** What a host that cannot render the card shows instead: the whole answer as plain text. */
  fallbackText: string;
  body: CardElement[];
  actions?: CardAction[];
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

function choiceValue(choice: Choice): string {
  return choice.value ?? choice.label;
}

/** Few short choices as a row of buttons; otherwise a vertical list and one "Välj" button. */
function choiceElements(choices: readonly Choice[]): CardElement[] {
  if (choices.length <= MAX_BUTTONS && choices.every((c) => c.label.length <= MAX_BUTTON_LABEL)) {
    return [
      {
        type: 'ActionSet',
        spacing: 'Medium',
        actions: choices.map((c) => ({ type: 'Action.Submit', title: c.label, data: { [CHOICE_DATA_KEY]: choiceValue(c) } })),
      },
    ];
  }
  return [
    {
      type: 'Input.ChoiceSet',
      id: CHOICE_DATA_KEY,
      style: 'expanded',
      wrap: true,
      isRequired: true,
      errorMessage: 'Välj ett av alternativen.',
      spacing: 'Medium',
      choices: choices.map((c) => ({ title: c.label, value: choiceValue(c) })),
    },
    { type: 'ActionSet', spacing: 'Small', actions: [{ type: 'Action.Submit', title: 'Välj', data: {} }] },
  ];
}

function factSet(facts: NonNullable<Reply['facts']>, hidden: boolean): CardElement {
  return {
    type: 'FactSet',
    facts: facts.map((f) => ({ title: cardText(f.label), value: cardText(f.value) })),
    ...(hidden ? { id: MORE_FACTS_ID, isVisible: false as const, spacing: 'None' as const } : { spacing: 'Medium' as const }),
  };
}

/** Each document once (short title and date, small and bold), its sections in subtle lines under it. */
function sourceItems(reply: Reply): CardElement[] {
  return groupSources(reply.sources).flatMap((group, i): CardElement[] => [
    { type: 'TextBlock', text: cardText(groupLabel(group)), wrap: true, size: 'Small', weight: 'Bolder', ...(i === 0 ? {} : { spacing: 'Small' as const }) },
    ...group.sections.map((section): CardElement => ({ type: 'TextBlock', text: cardText(`– ${section}`), wrap: true, size: 'Small', isSubtle: true, spacing: 'None' })),
  ]);
}

/**
 * The Adaptive Card of a Reply (Teams and other Bot Framework channels), answer first: an
 * exempeldata warning, the text (lines past the first few behind "Visa mer"), facts as a FactSet
 * (the same), the choices, and last the sources, collapsed behind "Källor" with each document
 * named once. Content is the same as {@link renderText}, which is the card's fallbackText.
 */
export function renderCard(reply: Reply): AdaptiveCard {
  const body: CardElement[] = [];
  if (reply.exempeldata) {
    // A warning container gives a tinted background with the host's normal text colour:
    // readable, unlike yellow text on white.
    body.push({
      type: 'Container',
      style: 'warning',
      bleed: true,
      items: [{ type: 'TextBlock', text: EXEMPELDATA_MARKER, wrap: true, size: 'Small', weight: 'Bolder' }],
    });
  }
  const { shown, more } = splitLines(reply.text);
  body.push(...textBlocks(shown));
  const toggled: string[] = [];
  if (more !== '') {
    body.push({ type: 'Container', id: MORE_TEXT_ID, isVisible: false, spacing: 'None', items: textBlocks(more) });
    toggled.push(MORE_TEXT_ID);
  }
  const facts = reply.facts ?? [];
  if (facts.length > 0) {
    const split = facts.length > VISIBLE_FACTS + 1 ? VISIBLE_FACTS : facts.length;
    body.push(factSet(facts.slice(0, split), false));
    if (split < facts.length) {
      body.push(factSet(facts.slice(split), true));
      toggled.push(MORE_FACTS_ID);
    }
  }
  if (toggled.length > 0) {
    body.push({ type: 'ActionSet', spacing: 'Small', actions: [{ type: 'Action.ToggleVisibility', title: 'Visa mer', targetElements: toggled }] });
  }
  if (reply.choices && reply.choices.length > 0) body.push(...choiceElements(reply.choices));
  const sources = sourceItems(reply);
  if (sources.length > 0) {
    const documents = groupSources(reply.sources).length;
    body.push({
      type: 'ActionSet',
      spacing: 'Medium',
      actions: [{ type: 'Action.ToggleVisibility', title: documents === 1 ? 'Källa' : `Källor (${documents})`, targetElements: [SOURCES_ID] }],
    });
    body.push({ type: 'Container', id: SOURCES_ID, isVisible: false, separator: true, spacing: 'None', items: sources });
  }
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    fallbackText: renderText(reply),
    body,
  };
}

/** The card as a Bot Framework attachment. */
export function cardAttachment(reply: Reply): Attachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderCard(reply) };
}

function allElements(elements: readonly CardElement[]): CardElement[] {
  return elements.flatMap((e) => [e, ...(e.type === 'Container' ? allElements(e.items) : [])]);
}

/**
 * Every choice a card offers, as title and the `activity.value` Teams sends when it is chosen
 * (a button's data, or the choice list's value merged into its submit's data under the list's id).
 */
export function cardChoices(card: AdaptiveCard): { title: string; value: { [CHOICE_DATA_KEY]: string } }[] {
  const elements = allElements(card.body);
  const buttons = elements
    .flatMap((e) => (e.type === 'ActionSet' ? e.actions : []))
    .concat(card.actions ?? [])
    .flatMap((a) => (a.type === 'Action.Submit' && a.data[CHOICE_DATA_KEY] !== undefined ? [{ title: a.title, value: { [CHOICE_DATA_KEY]: a.data[CHOICE_DATA_KEY] } }] : []));
  const listed = elements.flatMap((e) => (e.type === 'Input.ChoiceSet' ? e.choices.map((c) => ({ title: c.title, value: { [e.id]: c.value } })) : []));
  return [...buttons, ...listed];
}
