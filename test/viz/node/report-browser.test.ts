import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHARTS } from '@smart-settlement/viz';
import { briefingPack } from '@smart-settlement/viz/node';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_FLAGS as FLAGS, haveChromium } from '../../helpers/chromium.ts';
import { fixtureResults } from '../../helpers/results-fixture.ts';

describe('report.html in headless Chromium', () => {
  // In CI the browser check must run: a missing Chromium is a failure, not a skip.
  it.runIf(process.env.CI === 'true')('Chromium is installed at /usr/bin/chromium (CI)', () => {
    expect(haveChromium).toBe(true);
  });

  describe.skipIf(!haveChromium)('with Chromium', () => {
    let browser: Browser;
    let dir: string;

    beforeAll(async () => {
      const { tables } = await fixtureResults();
      dir = mkdtempSync(join(tmpdir(), 'viz-browser-'));
      for (const f of await briefingPack(tables, { scale: 1 })) {
        mkdirSync(dirname(join(dir, f.name)), { recursive: true });
        writeFileSync(join(dir, f.name), f.content);
      }
      browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
    });
    afterAll(async () => {
      await browser?.close();
    });

    /** Opens a page from the pack with the network cut off; records console errors and any request that leaves the disk. */
    async function open(file: string) {
      const page = await browser.newPage();
      const errors: string[] = [];
      const network: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
        network.push(url);
        return route.abort();
      });
      await page.goto(pathToFileURL(join(dir, file)).href);
      return { page, errors, network };
    }

    /** For every chart container: how many data-mark items its SVG holds. */
    const countMarks = () =>
      Array.from(document.querySelectorAll('.chart')).map(
        (c) =>
          c.querySelectorAll('svg g.role-mark > path, svg g.role-mark > line, svg g.role-mark > text').length,
      );

    it('draws every chart with its marks, with no console error and no network request', async () => {
      const { page, errors, network } = await open('report.html');
      await page.waitForFunction(
        (n) =>
          document.querySelectorAll('.chart svg g.role-mark').length > 0 &&
          Array.from(document.querySelectorAll('.chart')).filter((c) => c.querySelector('svg g.role-mark'))
            .length === n,
        CHARTS.length,
        { timeout: 30_000 },
      );
      const marks = await page.evaluate(countMarks);
      expect(marks).toHaveLength(CHARTS.length);
      for (const [i, n] of marks.entries()) expect(n, CHARTS[i].name).toBeGreaterThan(2);
      expect(errors).toEqual([]);
      expect(network).toEqual([]);
      // The first table is the accountability table: cost per additional person kept, with intervals.
      const first = await page.evaluate(() => {
        const table = document.querySelector('table');
        return {
          className: table?.className,
          head: table?.querySelector('thead')?.textContent ?? '',
          cells: table?.querySelectorAll('tbody td').length ?? 0,
        };
      });
      expect(first.className).toBe('accounts');
      expect(first.head).toContain('Cost per additional person retained after 5 years');
      expect(first.cells).toBeGreaterThan(0);
      await page.close();
    });

    it('a standalone chart page draws offline too', async () => {
      const { page, errors, network } = await open('charts/retention-cliff.html');
      await page.waitForSelector('.chart svg g.role-mark', { timeout: 30_000 });
      const [marks] = await page.evaluate(countMarks);
      expect(marks).toBeGreaterThan(2);
      expect(errors).toEqual([]);
      expect(network).toEqual([]);
      await page.close();
    });
  });
});
