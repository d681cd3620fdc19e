// The scenario explorer in headless Chromium, opened from file:// with the network cut off: it
// draws the default scenario's first result, follows a lever, refuses a bad link with the command
// line's message, and gives the command line's figures exactly.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SummaryDocument } from '@smart-settlement/core';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_FLAGS, haveChromium } from '../helpers/chromium.ts';
import { settle, settleAsync } from '../helpers/cli.ts';

/** The words of a command line as a POSIX shell splits them (single quotes only, as the page writes them). */
function shellWords(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

/** The page's summary.json and the CLI's have one type: core's results document. */
type Summary = SummaryDocument;

// Page loads and simulations share two cores with the other tests: generous time limits.
const SLOW = 300_000;

describe('the scenario explorer in headless Chromium', () => {
  // In CI the browser check must run: a missing Chromium is a failure, not a skip.
  it.runIf(process.env.CI === 'true')('Chromium is installed at /usr/bin/chromium (CI)', () => {
    expect(haveChromium).toBe(true);
  });

  describe.skipIf(!haveChromium)('with Chromium', () => {
    let browser: Browser;
    let dir: string;
    let pageUrl: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'explorer-browser-'));
      const file = join(dir, 'explorer.html');
      const made = settle(['explore', '--out', file]);
      expect(made.status, made.stderr).toBe(0);
      pageUrl = pathToFileURL(file).href;
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
    });
    afterAll(async () => {
      await browser?.close();
    });

    /** Opens the page (with a hash) from disk, network cut off; records console errors and requests that leave the disk. */
    async function open(hash = '') {
      const context = await browser.newContext({
        acceptDownloads: true,
        viewport: { width: 1400, height: 900 },
      });
      const page = await context.newPage();
      const errors: string[] = [];
      const network: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:'))
          return route.continue();
        network.push(url);
        return route.abort();
      });
      const opened = Date.now();
      await page.goto(`${pageUrl}${hash}`);
      return { page, errors, network, opened };
    }

    /** Waits until the page shows `replications` replications and has drawn the charts of them. */
    const settled = (page: Page, replications: number) =>
      page.waitForFunction(
        (n) =>
          Number(document.body.dataset.replications) >= n &&
          Number(document.body.dataset.chartsReplications) >= n,
        replications,
        { timeout: 180_000 },
      );

    /**
     * The cliff chart as drawn: the term it marks, and the cliff: the year since arrival when
     * incentive takers' departures jump most from the year before.
     */
    const cliff = (page: Page) =>
      page.evaluate(() => {
        type Point = { series: string; yearsSinceArrival: number; median: number; termYears: number };
        type Spec = { layer: { data: { values: Point[] } }[] };
        const api = (window as unknown as { smartSettlementExplorer: { spec(name: string): Spec } })
          .smartSettlementExplorer;
        const [lines, rules] = api.spec('retention-cliff').layer;
        const takers = lines.data.values.filter((d) => d.series.endsWith('incentive takers'));
        const byYear = new Map(takers.map((d) => [d.yearsSinceArrival, d.median]));
        let cliffYear = 0;
        let jump = Number.NEGATIVE_INFINITY;
        for (const [year, share] of byYear) {
          const before = byYear.get(year - 1);
          if (before !== undefined && share - before > jump) [cliffYear, jump] = [year, share - before];
        }
        return { term: rules.data.values.map((r) => r.termYears), cliffYear };
      });

    it(
      'loads from file:// with no console error and no network request, and shows the first result',
      async () => {
        const { page, errors, network, opened } = await open();
        await page.waitForFunction(() => Number(document.body.dataset.replications) >= 1, null, {
          timeout: 120_000,
        });
        const [sinceOpen, sinceRun] = await page.evaluate(() => [
          Number(document.body.dataset.firstResultSinceOpenMs),
          Number(document.body.dataset.firstResultMs),
        ]);
        console.log(
          `explorer: first result ${(sinceOpen / 1000).toFixed(1)} s after the page opened (${(sinceRun / 1000).toFixed(1)} s after the run started; page load seen by the test ${((Date.now() - opened) / 1000).toFixed(1)} s)`,
        );
        expect(sinceRun).toBeGreaterThan(0);
        expect(sinceOpen).toBeGreaterThanOrEqual(sinceRun);
        await settled(page, 1);
        // The default scenario (dispersion) against the reference, with the briefing pack's charts drawn.
        expect(page.url()).toMatch(/#dispersion$/);
        const drawn = await page.locator('.chart svg').count();
        expect(drawn).toBeGreaterThanOrEqual(6);
        // The report's tables, from the same viz function: the first is the cost per additional person kept.
        await expect(page.locator('#figures table').first().textContent()).resolves.toContain(
          'Cost per additional person retained after 5 years',
        );
        await expect(page.locator('#figures-smaller-places table').textContent()).resolves.toContain(
          'Retention after 5 years',
        );
        await expect(page.locator('#scale-note').textContent()).resolves.toMatch(/one agent for 20 people/);
        // The headline cost is the cost per additional person kept (incremental, against the
        // reference), never the average cost over everyone who would have stayed anyway.
        const cards = await page.locator('.card-label').allTextContents();
        expect(cards.some((c) => c.startsWith('Cost per additional person retained after 5 years'))).toBe(
          true,
        );
        expect(cards.some((c) => /average|still present/i.test(c))).toBe(false);
        expect(errors).toEqual([]);
        expect(network).toEqual([]);
        await page.close();
      },
      SLOW,
    );

    it(
      'a longer incentive term moves the cliff later; reset returns the defaults',
      async () => {
        const { page, errors } = await open('#dispersion&replications=2');
        await settled(page, 2);
        const before = await cliff(page);
        expect(before.term).toEqual([3]);
        const term = page.getByRole('spinbutton', { name: /^Term years/ });
        await expect(term.inputValue()).resolves.toBe('3');
        await term.fill('6');
        await term.press('Enter');
        await term.blur();
        await page.waitForFunction(() => location.hash.includes('dispersion.termYears%3D6'));
        await settled(page, 2);
        const after = await cliff(page);
        expect(after.term).toEqual([6]);
        // The cliff follows the term's end: held by the clawback until then, takers leave once it lapses.
        expect(before.cliffYear).toBeGreaterThan(3);
        expect(before.cliffYear).toBeLessThanOrEqual(5);
        expect(after.cliffYear).toBeGreaterThan(6);
        expect(after.cliffYear).toBeLessThanOrEqual(8);
        await page.getByRole('button', { name: "Reset to the scenario's defaults" }).click();
        await expect(page.getByRole('spinbutton', { name: /^Term years/ }).inputValue()).resolves.toBe('3');
        expect(new URL(page.url()).hash).toBe('#dispersion');
        await settled(page, 2);
        expect(await cliff(page)).toEqual(before);
        expect(errors).toEqual([]);
        await page.close();
      },
      SLOW,
    );

    it(
      'the downloaded scenario validates, and the command line at the page scale gives the page figures exactly',
      async () => {
        const { page, errors } = await open(
          '#dispersion&replications=3&dispersion.termYears=4&params.utilEquity=1.5',
        );
        await page.waitForFunction(
          () => document.getElementById('status-text')?.textContent?.startsWith('All 3'),
          null,
          {
            timeout: 180_000,
          },
        );
        const save = async (button: string) => {
          const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.getByRole('button', { name: button }).click(),
          ]);
          const path = join(dir, download.suggestedFilename());
          await download.saveAs(path);
          return path;
        };
        const scenarioFile = await save('Download the scenario (JSON)');
        const pageSummary = JSON.parse(
          readFileSync(await save('Download the figures (summary.json)'), 'utf8'),
        ) as Summary;
        const commands = (await page.locator('#commands').textContent()) ?? '';
        expect(errors).toEqual([]);
        await page.close();

        const valid = settle(['validate', scenarioFile]);
        expect(valid.status, valid.stderr).toBe(0);
        const scenario = JSON.parse(readFileSync(scenarioFile, 'utf8'));
        expect(scenario).toMatchObject({ agentScale: pageSummary.agentScale, replications: 3, seed: 1 });
        expect(scenario.policies[0].termYears).toBe(4);

        // The page's own commands: alone (settle run), and paired with the reference (settle compare).
        const [, runLine, compareLine] = commands.split('\n').map(shellWords);
        expect(runLine.slice(0, 2)).toEqual(['settle', 'run']);
        expect(compareLine.slice(0, 2)).toEqual(['settle', 'compare']);
        expect(compareLine).toContain('params.utilEquity=1.5');
        const [run, compare] = await Promise.all([
          settleAsync([...runLine.slice(1), '--quiet'], dir),
          settleAsync([...compareLine.slice(1), '--quiet'], dir),
        ]);
        expect(run.status, run.stderr).toBe(0);
        expect(compare.status, compare.stderr).toBe(0);
        const runDir = join(dir, runLine[runLine.indexOf('--out') + 1]);
        const compareDir = join(dir, compareLine[compareLine.indexOf('--out') + 1]);
        const cliRun = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as Summary;
        const cliCompare = JSON.parse(readFileSync(join(compareDir, 'summary.json'), 'utf8')) as Summary;
        const edited = scenario.name;
        expect(pageSummary.summary.filter((r) => r.scenario === edited)).toEqual(cliRun.summary);
        expect(pageSummary.summary).toEqual(cliCompare.summary);
        expect(pageSummary.paired).toEqual(cliCompare.paired);
        expect(pageSummary.paired.length).toBeGreaterThan(0);
      },
      SLOW,
    );

    it(
      'refuses a lever out of range in the link with the command line message, and keeps working',
      async () => {
        const cli = settle([
          'run',
          'dispersion',
          '--set',
          'dispersion.termYears=99',
          '--out',
          join(dir, 'never'),
        ]);
        expect(cli.status).toBe(2);
        const problem = cli.stderr.trim().split('\n').slice(1).join('\n');
        expect(problem).toMatch(/termYears: got 99; allowed: /);
        const { page, errors } = await open('#dispersion&dispersion.termYears=99');
        await expect(page.getByRole('alert').filter({ hasText: 'refused' }).textContent()).resolves.toContain(
          problem,
        );
        await page.waitForFunction(() => Number(document.body.dataset.replications) >= 1, null, {
          timeout: 120_000,
        });
        await expect(page.getByRole('spinbutton', { name: /^Term years/ }).inputValue()).resolves.toBe('3');
        expect(new URL(page.url()).hash).toBe('#dispersion');
        expect(errors).toEqual([]);
        await page.close();
      },
      SLOW,
    );
  });
});
