import type { types } from '@slack/bolt';
import type { Choice, Reply } from '../../core/reply.js';
import { EXEMPELDATA_MARKER } from '../../core/renderText.js';
import { groupLabel, groupSources, type SourceGroup } from '../replyParts.js';

export type SlackBlock = types.KnownBlock;

/** What chat.postMessage (or a response_url) gets for one Reply. */
export interface SlackMessage {
  /**
   * Fallback for notifications, screen readers and clients without blocks: the whole reply as
   * plain text, headline first, sources grouped per document, at most {@link FALLBACK_TEXT_MAX}
   * characters, with `&`, `<`, `>` escaped (Slack parses `text` for mentions and links too, and
   * shows the escapes as the characters).
   */
  text: string;
  blocks: SlackBlock[];
}

/** `action_id`s of our choice buttons start with this; the listener matches it. */
export const CHOICE_ACTION_PREFIX = 'samverkan_choice';
/** `block_id` of the actions block holding the choice buttons (replaced by "Du valde …" after a press). */
export const CHOICES_BLOCK_ID = 'samverkan_choices';

// Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks): past them Slack rejects the
// whole message with invalid_blocks, so long replies are split rather than cut off.
const SECTION_TEXT_MAX = 3000;
const FIELDS_PER_SECTION = 10;
const FIELD_TEXT_MAX = 2000;
const CONTEXT_ELEMENTS_MAX = 10;
const BUTTONS_PER_ACTIONS = 25;
const BUTTON_TEXT_MAX = 75;
const BUTTON_VALUE_MAX = 2000;
const BLOCKS_MAX = 50;
/** Slack truncates a message's `text` past 40,000 characters, but advises at most 4,000. */
export const FALLBACK_TEXT_MAX = 4000;

/**
 * Escapes text for Slack mrkdwn: `&`, `<` and `>` are control characters there (`<@U123>`,
 * `<!channel>`, `<https://x|link>`), so text from data or a user can never ping, link or break out.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Slack's mrkdwn has no escape for its formatting characters (`*bold*`, `_italic_`, `~strike~`,
 * `` `code` ``, `>` quoting a line): text from data or an import that holds one of them would
 * format. Such text goes out as plain_text, which Slack shows exactly as written.
 */
const MRKDWN_FORMATTING = /[*_~`]|(^|\n)\s*>/;

/** A text object for text we did not write: mrkdwn (escaped) when nothing in it can format, else plain_text. */
export function slackText(text: string): { type: 'mrkdwn'; text: string } | { type: 'plain_text'; text: string; emoji: boolean } {
  return MRKDWN_FORMATTING.test(text) ? { type: 'plain_text', text, emoji: false } : { type: 'mrkdwn', text: escapeMrkdwn(text) };
}

/** Cuts `text` to at most `max` characters, marking the cut with an ellipsis. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Splits text into pieces of at most `max` characters, preferring paragraph, then line, then word breaks. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = window.lastIndexOf('\n\n');
    if (cut < max / 2) cut = window.lastIndexOf('\n');
    if (cut < max / 2) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function textSections(text: string): SlackBlock[] {
  const trimmed = text.trim();
  if (MRKDWN_FORMATTING.test(trimmed)) {
    return splitText(trimmed, SECTION_TEXT_MAX).map((piece) => ({ type: 'section', text: { type: 'plain_text', text: piece, emoji: false } }));
  }
  // Escaping can lengthen the text (& → &amp;), so split the escaped text.
  return splitText(escapeMrkdwn(trimmed), SECTION_TEXT_MAX).map((piece) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: piece },
  }));
}

function factSections(facts: NonNullable<Reply['facts']>): SlackBlock[] {
  return chunk(facts, FIELDS_PER_SECTION).map((group) => ({
    type: 'section',
    fields: group.map((fact) =>
      // The label is bold only where mrkdwn is safe for both label and value.
      MRKDWN_FORMATTING.test(`${fact.label}\n${fact.value}`)
        ? { type: 'plain_text' as const, text: clip(`${fact.label}\n${fact.value}`, FIELD_TEXT_MAX), emoji: false }
        : { type: 'mrkdwn' as const, text: clip(`*${escapeMrkdwn(fact.label)}*\n${escapeMrkdwn(fact.value)}`, FIELD_TEXT_MAX) },
    ),
  }));
}

/** "Kortnamn (datum): avsnitt · avsnitt" — one document of the sources, named once. */
export function sourceGroupLine(group: SourceGroup): string {
  return `${groupLabel(group)}: ${group.sections.join(' · ')}`;
}

/** Sources as context: each document once with its short title and date, its sections after it. */
function sourceContexts(sources: NonNullable<Reply['sources']>): SlackBlock[] {
  const lines = groupSources(sources).map((group, i) => `${i === 0 ? 'Källor: ' : ''}${sourceGroupLine(group)}`);
  return chunk(lines, CONTEXT_ELEMENTS_MAX).map((group) => ({
    type: 'context',
    elements: group.map((line) => {
      const element = slackText(clip(line, SECTION_TEXT_MAX));
      return element.type === 'mrkdwn' ? { ...element, text: clip(element.text, SECTION_TEXT_MAX) } : element;
    }),
  }));
}

/**
 * The message's `text`: what a notification and a client without blocks show. The headline comes
 * first (a notification shows only the start), then the exempeldata warning, the rest, facts,
 * grouped sources and numbered choices; cut at a line to stay within {@link FALLBACK_TEXT_MAX}.
 */
export function fallbackText(reply: Reply): string {
  const [first = '', ...rest] = reply.text.trim().split('\n');
  const parts: string[] = [first];
  if (reply.exempeldata) parts.push(EXEMPELDATA_MARKER);
  if (rest.join('\n').trim() !== '') parts.push(rest.join('\n').trim());
  if (reply.facts?.length) parts.push(reply.facts.map((f) => `• ${f.label}: ${f.value}`).join('\n'));
  const groups = groupSources(reply.sources);
  if (groups.length > 0) parts.push(groups.map((g) => `Källa: ${sourceGroupLine(g)}`).join('\n'));
  if (reply.choices?.length) parts.push(reply.choices.map((c, i) => `${i + 1}) ${c.label}`).join('\n'));
  const escaped = escapeMrkdwn(parts.filter((p) => p !== '').join('\n\n'));
  if (escaped.length <= FALLBACK_TEXT_MAX) return escaped;
  const window = escaped.slice(0, FALLBACK_TEXT_MAX - 2);
  const line = window.lastIndexOf('\n');
  // Never cut inside an escape (&amp;): back up to the last line, else the last space.
  const cut = line > FALLBACK_TEXT_MAX / 2 ? line : Math.max(window.lastIndexOf(' '), 1);
  return `${window.slice(0, cut).trimEnd()} …`;
}

/** The value a button sends back: what the user would have typed (the choice's value, else its label). */
export function choiceValue(choice: Choice): string {
  return choice.value ?? choice.label;
}

function choiceActions(choices: readonly Choice[]): SlackBlock[] {
  return chunk(choices, BUTTONS_PER_ACTIONS).map((group, g) => ({
    type: 'actions',
    // Block ids must be unique within a message; the first block keeps the plain id.
    block_id: g === 0 ? CHOICES_BLOCK_ID : `${CHOICES_BLOCK_ID}_${g}`,
    elements: group.map((choice, i) => ({
      type: 'button' as const,
      action_id: `${CHOICE_ACTION_PREFIX}_${g * BUTTONS_PER_ACTIONS + i}`,
      // plain_text is shown as is by Slack (no mrkdwn), so it needs no escaping.
      text: { type: 'plain_text' as const, text: clip(choice.label, BUTTON_TEXT_MAX), emoji: true },
      value: clip(choiceValue(choice), BUTTON_VALUE_MAX),
    })),
  }));
}

/**
 * Renders a channel-neutral Reply as a Slack message, headline first: the text as mrkdwn sections
 * (escaped) with an exempeldata warning (context) right after the first, facts as section
 * fields, sources as a context block with each document once, choices as buttons.
 */
export function renderBlocks(reply: Reply): SlackMessage {
  const blocks: SlackBlock[] = [];
  const warning: SlackBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: `:warning: ${escapeMrkdwn(EXEMPELDATA_MARKER)}` }] };
  if (reply.text.trim() !== '') {
    const [first, ...rest] = textSections(reply.text);
    if (first) blocks.push(first);
    if (reply.exempeldata) blocks.push(warning);
    blocks.push(...rest);
  } else if (reply.exempeldata) {
    blocks.push(warning);
  }
  if (reply.facts && reply.facts.length > 0) blocks.push(...factSections(reply.facts));
  if (reply.sources && reply.sources.length > 0) blocks.push(...sourceContexts(reply.sources));
  if (reply.choices && reply.choices.length > 0) blocks.push(...choiceActions(reply.choices));
  return { text: fallbackText(reply), blocks: fitBlocks(blocks) };
}

/**
 * Keeps a message within Slack's 50 blocks: the choice buttons must survive (the dialog waits for
 * them), so body blocks are dropped from the end and a note says the answer was shortened.
 */
function fitBlocks(blocks: SlackBlock[]): SlackBlock[] {
  if (blocks.length <= BLOCKS_MAX) return blocks;
  const actions = blocks.filter((b) => b.type === 'actions');
  const body = blocks.filter((b) => b.type !== 'actions');
  const room = BLOCKS_MAX - actions.length - 1;
  const note: SlackBlock = {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: 'Svaret är förkortat här i Slack. Fråga mer precist för att se resten.' }],
  };
  return [...body.slice(0, Math.max(room, 0)), note, ...actions].slice(0, BLOCKS_MAX);
}

/**
 * The message after a button press: the choice buttons replaced by a line naming the choice, so an
 * old question cannot be answered twice and the thread shows what was chosen.
 */
export function blocksAfterChoice(blocks: readonly SlackBlock[], chosenLabel: string, userId: string | undefined): SlackBlock[] {
  const who = userId ? `<@${escapeMrkdwn(userId)}> valde` : 'Valt:';
  const kept = blocks.filter((b) => !(b.type === 'actions' && (b.block_id ?? '').startsWith(CHOICES_BLOCK_ID)));
  const label = slackText(chosenLabel);
  // The mention needs mrkdwn; a label that could format goes beside it as plain_text.
  const elements = label.type === 'mrkdwn' ? [{ type: 'mrkdwn' as const, text: `${who} *${label.text}*` }] : [{ type: 'mrkdwn' as const, text: who }, label];
  return [...kept, { type: 'context', elements }];
}
