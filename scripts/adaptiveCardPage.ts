import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { AdaptiveCard } from '../src/channels/teams/renderCard.js';

// Page code is evaluated from strings: the project compiles without DOM types, on purpose.

const require = createRequire(import.meta.url);
const packageDir = path.dirname(require.resolve('adaptivecards/package.json'));

/** Microsoft's own Adaptive Cards renderer (npm adaptivecards), the bundle a browser loads. */
export const ADAPTIVE_CARDS_BUNDLE = path.join(packageDir, 'dist', 'adaptivecards.min.js');
export const ADAPTIVE_CARDS_CSS = path.join(packageDir, 'dist', 'adaptivecards.css');

/** The narrowest card Teams shows (a phone or a narrow desktop window). */
export const TEAMS_NARROW_WIDTH = 540;

/**
 * A host config close to Teams' light theme: its font, a 14 px base size, horizontal buttons
 * (at most six in a row) and the container styles Teams has, including `warning`.
 */
export const TEAMS_LIKE_HOST_CONFIG = {
  fontFamily: "'Segoe UI', system-ui, -apple-system, sans-serif",
  spacing: { small: 4, default: 8, medium: 16, large: 24, extraLarge: 32, padding: 16 },
  fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
  actions: { maxActions: 6, buttonSpacing: 8, actionsOrientation: 'horizontal', actionAlignment: 'stretch', showCard: { actionMode: 'inline' } },
  containerStyles: {
    default: { backgroundColor: '#FFFFFF', foregroundColors: { default: { default: '#242424', subtle: '#616161' }, warning: { default: '#835B00', subtle: '#835B00' } } },
    emphasis: { backgroundColor: '#F5F5F5', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
    warning: { backgroundColor: '#FBF6D9', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
    attention: { backgroundColor: '#FDF3F4', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
  },
};

/** Opens a blank page with the renderer loaded, cards rendered one under another at `width` px. */
export async function renderCards(page: Page, cards: readonly AdaptiveCard[], width = TEAMS_NARROW_WIDTH): Promise<void> {
  await page.setContent(`<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>
    body { margin: 0; padding: 16px; background: #ebebeb; font-family: 'Segoe UI', system-ui, sans-serif; }
    .card { width: ${width}px; margin: 0 0 16px; background: #fff; border-radius: 6px; box-shadow: 0 1px 2px rgba(0,0,0,.2); overflow: hidden; }
  </style></head><body><div id="cards"></div></body></html>`);
  await page.addStyleTag({ path: ADAPTIVE_CARDS_CSS });
  await page.addScriptTag({ path: ADAPTIVE_CARDS_BUNDLE });
  await page.evaluate(`(function (cards, hostConfig) {
    var host = document.getElementById('cards');
    cards.forEach(function (json, i) {
      var card = new AdaptiveCards.AdaptiveCard();
      card.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
      card.parse(json);
      var box = document.createElement('div');
      box.className = 'card';
      box.setAttribute('data-card', String(i));
      box.appendChild(card.render());
      host.appendChild(box);
    });
  })(${JSON.stringify(cards)}, ${JSON.stringify(TEAMS_LIKE_HOST_CONFIG)})`);
}

/** A choice (button or list entry) whose title the renderer had to cut. */
export interface TruncatedChoice {
  card: number;
  title: string;
  scrollWidth: number;
  clientWidth: number;
}

/**
 * Every visible button and choice-list label whose text is wider than its box (the renderer cuts
 * such a title with an ellipsis), checked on the element and each of its descendants.
 */
export async function truncatedChoices(page: Page): Promise<TruncatedChoice[]> {
  return (await page.evaluate(`(function () {
    var out = [];
    var boxes = document.querySelectorAll('.card');
    boxes.forEach(function (box) {
      var card = Number(box.getAttribute('data-card'));
      box.querySelectorAll('button, .ac-pushButton, .ac-choiceSetInput-expanded label, .ac-choiceSetInput-expanded .ac-textBlock').forEach(function (el) {
        if (el.offsetParent === null) return;
        [el].concat(Array.prototype.slice.call(el.querySelectorAll('*'))).forEach(function (node) {
          if (node.clientWidth > 0 && node.scrollWidth > node.clientWidth + 1) {
            out.push({ card: card, title: el.textContent, scrollWidth: node.scrollWidth, clientWidth: node.clientWidth });
          }
        });
      });
    });
    return out;
  })()`)) as TruncatedChoice[];
}

/** How many choices the rendered cards show (buttons with a submit and choice-list entries). */
export async function choiceTitles(page: Page): Promise<string[]> {
  return (await page.evaluate(`Array.prototype.map.call(
    document.querySelectorAll('.card .ac-pushButton, .card .ac-choiceSetInput-expanded label'),
    function (el) { return el.textContent.trim(); })`)) as string[];
}

/** Rendered height of each card, in px. */
export async function cardHeights(page: Page): Promise<number[]> {
  return (await page.evaluate(`Array.prototype.map.call(document.querySelectorAll('.card'), function (el) { return el.offsetHeight; })`)) as number[];
}
