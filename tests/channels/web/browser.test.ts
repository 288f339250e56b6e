import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ConversationCore, TurnInput } from '../../../src/core/conversationCore.js';
import type { Reply } from '../../../src/core/reply.js';
import { greetingExamples } from '../../../src/channels/web/page.js';
import { createFakeCore, MARKUP, type FakeCore } from '../../helpers/fakeCore.js';
import { startTestApp, type TestApp } from '../../helpers/httpApp.js';

// Page code is evaluated from strings: the project compiles without DOM types, on purpose.

/** The Debian package's binary; CHROMIUM_PATH overrides it on other machines. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const IN_CI = process.env.CI === 'true';
const available = existsSync(CHROMIUM);

// In CI a missing browser must fail the run (launch below throws); locally it may be skipped.
if (!available && !IN_CI) {
  console.warn(`Webbläsartestet hoppas över: ${CHROMIUM} saknas (apt-get install chromium, eller sätt CHROMIUM_PATH).`);
}
const describeBrowser = available || IN_CI ? describe : describe.skip;

/** The bot's replies, not its greeting or the typing indicator. */
const REPLIES = '#log .msg.bot:not(.greeting):not(.typing)';

describeBrowser('web chat page in headless Chromium', () => {
  let browser: Browser;
  let real: TestApp;
  let fake: TestApp;
  let fakeCore: FakeCore;
  let longApp: TestApp;
  let longCore: FakeCore;

  beforeAll(async () => {
    if (!available) throw new Error(`Chromium saknas på ${CHROMIUM}; i CI (CI=true) måste webbläsartestet köras.`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    });
    real = await startTestApp();
    fakeCore = createFakeCore();
    fake = await startTestApp({ core: () => fakeCore });
    longCore = createLongCore();
    longApp = await startTestApp({ core: () => longCore });
  });

  afterAll(async () => {
    await browser?.close();
    await real?.stop();
    await fake?.stop();
    await longApp?.stop();
  });

  /** A fresh page that fails the test on any script error or CSP violation. */
  async function open(baseUrl: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
    });
    await page.goto(`${baseUrl}/`);
    return { page, problems };
  }

  async function ask(page: Page, text: string): Promise<void> {
    const before = await page.locator(REPLIES).count();
    await page.getByLabel('Din fråga').fill(text);
    await page.keyboard.press('Enter');
    await page.locator(REPLIES).nth(before).waitFor();
  }

  it('is an accessible Swedish page', async () => {
    const { page, problems } = await open(real.baseUrl);
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    const log = page.getByRole('log');
    expect(await log.getAttribute('aria-live')).toBe('polite');
    // The input has a label and has the focus, so typing works straight away.
    expect(await page.getByLabel('Din fråga').getAttribute('id')).toBe('message');
    expect(await page.evaluate('document.activeElement.id')).toBe('message');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('answers "hjälp" typed and sent with Enter with the Swedish help', async () => {
    const { page, problems } = await open(real.baseUrl);
    await ask(page, 'hjälp');
    await expect(page.locator('#log .msg.user').first().textContent()).resolves.toContain('hjälp');
    await expect(page.locator(REPLIES).first().textContent()).resolves.toMatch(/Det här kan jag/);
    const stored = await page.evaluate('window.sessionStorage.getItem("samverkansboten.conversationId")');
    expect(stored).toMatch(/^[0-9a-f-]{36}$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows markup typed by the user as text', async () => {
    const { page, problems } = await open(real.baseUrl);
    const typed = '<img src=x onerror="window.__pwned = 1"><b>fet</b>';
    await ask(page, typed);
    expect(await page.locator('#log .msg.user').first().textContent()).toContain(typed);
    expect(await page.locator('#log img, #log b, #log script').count()).toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows markup in every part of a bot reply as text; choices are buttons that send their value', async () => {
    const { page, problems } = await open(fake.baseUrl);
    await ask(page, 'visa');
    const reply = page.locator(REPLIES).first();
    expect(await reply.textContent()).toContain(`Bot säger ${MARKUP}`);
    expect(await page.locator('#log img, #log script').count()).toBe(0);
    expect(await reply.locator('ul.facts li').textContent()).toBe(`Fakta ${MARKUP}: ${MARKUP}`);
    expect(await reply.locator('details.sources .source-doc').textContent()).toContain('Titel <script>window.__pwned = 1</script>');
    expect(await reply.locator('details.sources li li').textContent()).toBe(`Avsnitt ${MARKUP}`);

    const conversationId = fakeCore.turns.at(-1)?.conversationId;
    await reply.getByRole('button', { name: `Knapp ${MARKUP}` }).click();
    await page.locator(REPLIES).nth(1).waitFor();
    expect(fakeCore.turns.at(-1)).toMatchObject({ channelId: 'web', conversationId, text: `valt ${MARKUP}` });
    expect(await page.locator('#log .msg.user').nth(1).textContent()).toContain(`valt ${MARKUP}`);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the conversation across a reload (sessionStorage)', async () => {
    const { page } = await open(fake.baseUrl);
    await ask(page, 'första');
    const first = fakeCore.turns.at(-1)?.conversationId;
    await page.reload();
    await ask(page, 'andra');
    expect(fakeCore.turns.at(-1)?.conversationId).toBe(first);
    await page.getByRole('button', { name: 'Nytt samtal' }).click();
    await ask(page, 'tredje');
    expect(fakeCore.turns.at(-1)?.conversationId).not.toBe(first);
    await page.close();
  });

  it('opens with a greeting and 4–5 example questions as buttons that ask them', async () => {
    const { page, problems } = await open(fake.baseUrl);
    const examples = page.locator('#log .greeting button.example');
    expect(await examples.count()).toBeGreaterThanOrEqual(4);
    expect(await examples.count()).toBeLessThanOrEqual(5);
    expect(await examples.allTextContents()).toEqual(greetingExamples());
    expect(await page.locator('#log .greeting p').textContent()).toMatch(/^Hej!/);
    await examples.nth(1).click();
    await page.locator(REPLIES).first().waitFor();
    expect(fakeCore.turns.at(-1)?.text).toBe(greetingExamples()[1]);
    // A new conversation greets again.
    await page.getByRole('button', { name: 'Nytt samtal' }).click();
    expect(await page.locator('#log .greeting button.example').count()).toBe(greetingExamples().length);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a typing indicator while the bot works, gone when the reply arrives', async () => {
    const slow = createFakeCore({ delayMs: 400 });
    const app = await startTestApp({ core: () => slow });
    try {
      const { page } = await open(app.baseUrl);
      await page.getByLabel('Din fråga').fill('hej');
      await page.keyboard.press('Enter');
      await page.locator('#log .msg.typing').waitFor();
      expect(await page.locator('#log .msg.typing').textContent()).toMatch(/Samverkansboten skriver/);
      await page.locator(REPLIES).first().waitFor();
      expect(await page.locator('#log .msg.typing').count()).toBe(0);
      await page.close();
    } finally {
      await app.stop();
    }
  });

  for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 700 }]) {
    it(`at ${viewport.width} px: a long answer to a long question opens at its headline, and a pressed choice is disabled`, async () => {
      const page = await browser.newPage({ viewport });
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(`${longApp.baseUrl}/`);
      const question = `Vad åtar sig parterna när en deltagare ${'behöver stöd från flera parter samtidigt och '.repeat(4)}vem gör vad?`;
      await ask(page, question);
      await ask(page, question);
      const reply = page.locator(REPLIES).nth(1);
      const headline = reply.locator('p').first();
      expect(await headline.textContent()).toMatch(/^Svaret står först/);
      // The reply is taller than the log, so scrolling to the end would hide the headline.
      const sizes = (await page.evaluate(`(function () {
        var log = document.getElementById('log');
        var reply = document.querySelectorAll('${REPLIES}')[1];
        // The first line of text: the first text node of the first paragraph (lines are split by <br>).
        var range = document.createRange();
        range.selectNodeContents(reply.querySelector('p').firstChild);
        var head = range.getBoundingClientRect();
        var box = log.getBoundingClientRect();
        return { reply: reply.offsetHeight, log: log.clientHeight, headTop: head.top, headBottom: head.bottom,
          logTop: box.top, logBottom: box.bottom, viewport: window.innerHeight };
      })()`)) as Record<string, number>;
      expect(sizes.reply).toBeGreaterThan(sizes.log!);
      expect(sizes.headTop).toBeGreaterThanOrEqual(Math.max(sizes.logTop!, 0));
      expect(sizes.headBottom).toBeLessThanOrEqual(Math.min(sizes.logBottom!, sizes.viewport!));

      // Sources and the rest are collapsed; the page never scrolls sideways.
      expect(await reply.locator('details.sources').getAttribute('open')).toBeNull();
      expect(await reply.locator('details.more').getAttribute('open')).toBeNull();
      expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);

      const turns = longCore.turns.length;
      const choice = reply.getByRole('button', { name: 'Ja, fortsätt' });
      await choice.click();
      await page.locator(REPLIES).nth(2).waitFor();
      expect(longCore.turns.length).toBe(turns + 1);
      expect(await choice.isDisabled()).toBe(true);
      // The earlier reply's choices are done too; the new reply's are live.
      expect(await page.locator(REPLIES).first().getByRole('button', { name: 'Nej' }).isDisabled()).toBe(true);
      expect(await page.locator(REPLIES).nth(2).getByRole('button', { name: 'Nej' }).isDisabled()).toBe(false);
      expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});

/** A core whose every reply is long: many long lines, facts, sources and choices. */
function createLongCore(): FakeCore {
  const known = new Set<string>();
  const turns: TurnInput[] = [];
  const core: ConversationCore = {
    bot: createFakeCore().bot,
    async ask(input) {
      turns.push(input);
      known.add(`${input.channelId}/${input.conversationId}`);
      const line = 'Ett stycke med detaljer som är långt nog att brytas över flera rader på en smal skärm, med ett ordlångtordutanmellanrumsomintefårgöraattsidanrullarisidled.';
      const reply: Reply = {
        text: ['Svaret står först: parterna har åtagit sig följande.', ...Array.from({ length: 30 }, (_, i) => `${i + 1}. ${line}`)].join('\n'),
        facts: Array.from({ length: 12 }, (_, i) => ({ label: `Part ${i + 1}`, value: line })),
        sources: Array.from({ length: 8 }, (_, i) => ({ doc: `d${i % 3}.txt`, section: `Avsnitt ${i}`, title: `Överenskommelse nummer ${i % 3} med en lång titel, Samordningsförbundet och dess parter (styrelsen)`, date: '2023-01-01' })),
        choices: [{ label: 'Ja, fortsätt' }, { label: 'Nej' }, { label: 'Visa bara Arbetsförmedlingens åtaganden i verksamheten' }],
      };
      return [reply];
    },
    async hasConversation(channelId, conversationId) {
      return known.has(`${channelId}/${conversationId}`);
    },
    async flush() {},
  };
  return Object.assign(core, { turns });
}
