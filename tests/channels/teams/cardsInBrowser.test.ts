import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderCard } from '../../../src/channels/teams/renderCard.js';
import { cardHeights, choiceTitles, renderCards, TEAMS_NARROW_WIDTH, truncatedChoices } from '../../../scripts/adaptiveCardPage.js';
import { startTestApp, type TestApp } from '../../helpers/httpApp.js';
import { EDGE_REPLIES, sampleReplies } from '../../helpers/sampleReplies.js';
import type { Reply } from '../../../src/core/reply.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const IN_CI = process.env.CI === 'true';
const available = existsSync(CHROMIUM);
if (!available && !IN_CI) console.warn(`Korttestet i webbläsaren hoppas över: ${CHROMIUM} saknas.`);
const describeBrowser = available || IN_CI ? describe : describe.skip;

describeBrowser('Teams cards rendered by the official adaptivecards renderer in headless Chromium', () => {
  let browser: Browser;
  let app: TestApp;
  let page: Page;
  let samples: { label: string; reply: Reply }[];

  beforeAll(async () => {
    if (!available) throw new Error(`Chromium saknas på ${CHROMIUM}; i CI (CI=true) måste korttestet köras.`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    app = await startTestApp();
    samples = [...(await sampleReplies(app.core, 'msteams')), ...EDGE_REPLIES];
    page = await browser.newPage({ viewport: { width: TEAMS_NARROW_WIDTH + 64, height: 900 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('renders every kind of card without a script error, every choice shown', async () => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    const cards = samples.map((s) => renderCard(s.reply));
    await renderCards(page, cards);
    expect(problems).toEqual([]);
    expect(await page.locator('.card').count()).toBe(cards.length);
    const shown = await choiceTitles(page);
    for (const { reply } of samples) for (const choice of reply.choices ?? []) expect(shown).toContain(choice.label);
    // The samples hold the kinds that matter: a choice list, a button row, exempeldata, collapsed sources.
    expect(cards.some((c) => c.body.some((e) => e.type === 'Input.ChoiceSet'))).toBe(true);
    expect(cards.some((c) => c.body.some((e) => e.type === 'Container' && e.style === 'warning'))).toBe(true);
    expect(await page.locator('.card .ac-choiceSetInput-expanded').count()).toBeGreaterThan(0);
  });

  it(`cuts no choice title at ${TEAMS_NARROW_WIDTH} px`, async () => {
    await renderCards(page, samples.map((s) => renderCard(s.reply)));
    const cut = (await truncatedChoices(page)).map((t) => `${samples[t.card]?.label ?? t.card}: ”${t.title}” (${t.scrollWidth} > ${t.clientWidth} px)`);
    expect(cut).toEqual([]);
  });

  it('keeps sources collapsed and a long answer within one screen until "Visa mer"', async () => {
    const long = EDGE_REPLIES.find((e) => e.label === 'långt svar med exempeldata')!;
    await renderCards(page, [renderCard(long.reply)]);
    expect(await page.getByText('– Bilaga 1, Avsnitt om något').isVisible()).toBe(false);
    const [collapsed] = await cardHeights(page);
    expect(collapsed).toBeLessThanOrEqual(900);
    await page.getByRole('button', { name: 'Källor (2)' }).click();
    expect(await page.getByText('– Bilaga 1, Avsnitt om något').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Visa mer' }).click();
    expect(await page.getByText('Rad 12 med en del detaljer').isVisible()).toBe(true);
    const [expanded] = await cardHeights(page);
    expect(expanded).toBeGreaterThan(collapsed!);
  });
});
