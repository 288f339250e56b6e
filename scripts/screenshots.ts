/**
 * `npm run screenshots`: pictures of what users see, for the README. Starts the real app on a
 * free port on 127.0.0.1 (bundled data/, a temporary state file, a fixed day), drives the web chat
 * in headless Chromium at desktop and phone width, renders the same replies as Teams cards with
 * Microsoft's adaptivecards renderer, and writes PNGs to docs/screenshots/.
 */
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../src/app.js';
import { renderCard } from '../src/channels/teams/renderCard.js';
import { parseConfig } from '../src/config.js';
import { fixedDayClock } from '../src/core/clock.js';
import { createConversationCore, type ConversationCore } from '../src/core/conversationCore.js';
import { createMemoryLogger } from '../src/core/log.js';
import type { Reply } from '../src/core/reply.js';
import { loadData } from '../src/data/load.js';
import { openStateStore } from '../src/state/store.js';
import { renderCards, TEAMS_NARROW_WIDTH } from './adaptiveCardPage.js';

const OUT_DIR = path.resolve('docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** A day on which the bundled data has upcoming meetings and reports. */
const TODAY = '2023-10-13';

const AKTUALISERING = 'Kan en person aktualiseras till Vuxentorget?';
const QUICK = ['När är nästa styrelsemöte?', 'Vem kontaktar jag på psykiatrin?', 'Vad är Vuxentorgets budget 2023?'];

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function startApp(): Promise<{ baseUrl: string; core: ConversationCore; stop: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'samverkansboten-screenshots-'));
  const config = parseConfig({ STATE_FILE: path.join(dir, 'state.json') });
  const data = await loadData('data');
  const state = await openStateStore(config.STATE_FILE);
  const { logger: log } = createMemoryLogger('warn');
  const deps = { data, clock: fixedDayClock(TODAY), state, log, kansliUsers: config.KANSLI_USERS, subscribeAnyChannel: config.SUBSCRIBE_ANY_CHANNEL };
  const core = createConversationCore(deps);
  const app = buildApp({ ...deps, config, core });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    core,
    stop: async () => {
      await app.close(2000);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Bot replies on the page (not the greeting or the typing indicator). */
const REPLIES = '#log .msg.bot:not(.greeting):not(.typing)';

async function waitForReply(page: Page, before: number): Promise<void> {
  await page.locator(REPLIES).nth(before).waitFor();
}

async function ask(page: Page, text: string): Promise<void> {
  const before = await page.locator(REPLIES).count();
  await page.getByLabel('Din fråga').fill(text);
  await page.keyboard.press('Enter');
  await waitForReply(page, before);
}

/** Presses the first live choice of the last reply. */
async function chooseFirst(page: Page): Promise<boolean> {
  const button = page.locator(`${REPLIES} .choices button.choice:not([disabled])`).first();
  if ((await button.count()) === 0) return false;
  const before = await page.locator(REPLIES).count();
  await button.click();
  await waitForReply(page, before);
  return true;
}

async function webShots(browser: Browser, baseUrl: string, name: string, viewport: { width: number; height: number }): Promise<string[]> {
  const written: string[] = [];
  const open = async (): Promise<Page> => {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    await page.goto(`${baseUrl}/`);
    return page;
  };
  let page = await open();
  written.push(await shoot(page, `web-${name}-start.png`));
  await ask(page, AKTUALISERING);
  await chooseFirst(page);
  await chooseFirst(page);
  written.push(await shoot(page, `web-${name}-aktualisering.png`));
  await page.close();
  page = await open();
  for (const q of QUICK) await ask(page, q);
  written.push(await shoot(page, `web-${name}-snabbfragor.png`));
  await page.close();
  return written;
}

async function shoot(page: Page, file: string): Promise<string> {
  const target = path.join(OUT_DIR, file);
  await page.screenshot({ path: target });
  return target;
}

/** The replies of a conversation through the core (the same turns the web shots make). */
async function conversation(core: ConversationCore, id: string, first: string, steps: number): Promise<Reply[]> {
  const out: Reply[] = [];
  let text: string | undefined = first;
  for (let i = 0; i <= steps && text !== undefined; i++) {
    const replies = await core.ask({ channelId: 'msteams', conversationId: id, userId: `u-${id}`, text });
    out.push(...replies);
    const choice = replies.flatMap((r) => r.choices ?? [])[0];
    text = choice ? (choice.value ?? choice.label) : undefined;
  }
  return out;
}

async function teamsShot(browser: Browser, replies: Reply[], file: string): Promise<string> {
  const page = await browser.newPage({ viewport: { width: TEAMS_NARROW_WIDTH + 32, height: 900 }, deviceScaleFactor: 1 });
  await renderCards(page, replies.map(renderCard));
  const target = path.join(OUT_DIR, file);
  await page.screenshot({ path: target, fullPage: true });
  await page.close();
  return target;
}

async function main(): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  const app = await startApp();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const written = [...(await webShots(browser, app.baseUrl, 'desktop', DESKTOP)), ...(await webShots(browser, app.baseUrl, 'telefon', PHONE))];
    written.push(await teamsShot(browser, await conversation(app.core, 'teams-aktualisering', AKTUALISERING, 2), 'teams-aktualisering.png'));
    const quick: Reply[] = [];
    for (const [i, q] of QUICK.entries()) quick.push(...(await conversation(app.core, `teams-quick-${i}`, q, 0)));
    written.push(await teamsShot(browser, quick, 'teams-snabbfragor.png'));
    for (const file of written) {
      const { size } = await stat(file);
      process.stdout.write(`${path.relative(process.cwd(), file)}  ${Math.round(size / 1024)} kB\n`);
    }
  } finally {
    await browser.close();
    await app.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Skärmbilderna kunde inte tas: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
