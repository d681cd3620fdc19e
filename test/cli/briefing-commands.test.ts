import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACK_CHARTS as CHART_NAMES, PACK_CHART_FILES } from '../helpers/charts.js';
import { folderFiles, type SettleResult, settleAsync, tempDir } from '../helpers/cli.js';
import { pngContent, pngSize } from '../helpers/png.ts';

const TABLES = ['summary.json', 'retention.csv', 'places.csv'];

describe('settle compare, settle chart and settle report (built CLI)', () => {
  const dir = tempDir('viz-cli-');
  const results = join(dir, 'results');
  let compared: SettleResult;

  beforeAll(async () => {
    compared = await settleAsync(
      [
        'compare',
        'baseline',
        'dispersion',
        'engagement',
        '--years',
        '6',
        '--replications',
        '2',
        '--set',
        'agentScale=200',
        '--out',
        results,
        '--quiet',
      ],
      dir,
    );
  });

  it('settle compare writes the briefing pack: report.html and every chart in four formats', () => {
    expect(compared.status, compared.stderr).toBe(0);
    expect(existsSync(join(results, 'report.html'))).toBe(true);
    const expected = PACK_CHART_FILES;
    expect(readdirSync(join(results, 'charts')).sort()).toEqual(expected.sort());
    const report = readFileSync(join(results, 'report.html'), 'utf8');
    expect(report).toContain('settle run --from RESULTS/manifest.json');
    expect(report).toContain('docs/MODEL.md');
    for (const name of CHART_NAMES) expect(report).toContain(`charts/${name}.png`);
  });

  it('settle report rebuilds the same pack, byte for byte, from the three saved tables alone, leaving them untouched', async () => {
    const bare = join(dir, 'bare');
    mkdirSync(bare);
    for (const f of TABLES) copyFileSync(join(results, f), join(bare, f));
    const r = await settleAsync(['report', bare], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('report.html');
    const original = folderFiles(results);
    const rebuilt = folderFiles(bare);
    for (const [name, bytes] of rebuilt) expect(bytes.equals(original.get(name)!), name).toBe(true);
    expect(rebuilt.size).toBe(TABLES.length + 1 + 4 * CHART_NAMES.length);
  });

  it('settle chart writes one chart as PNG at a print scale, and as the spec with its data', async () => {
    const png = join(dir, 'out', 'cliff.png');
    const r = await settleAsync(['chart', results, 'retention-cliff', '--out', png, '--scale', '3.125'], dir);
    expect(r.status, r.stderr).toBe(0);
    const svg = readFileSync(join(results, 'charts', 'retention-cliff.svg'), 'utf8');
    const svgWidth = Number(svg.match(/<svg[^>]*\swidth="([\d.]+)"/)![1]);
    const bytes = readFileSync(png);
    expect(pngSize(bytes).width).toBeCloseTo(svgWidth * 3.125, -1);
    expect(pngContent(bytes).inked).toBeGreaterThan(0.02);

    const json = join(dir, 'out', 'map.json');
    const j = await settleAsync(['chart', results, 'place-map', '--format', 'vl.json', '--out', json], dir);
    expect(j.status, j.stderr).toBe(0);
    expect(readFileSync(json, 'utf8')).toBe(
      readFileSync(join(results, 'charts', 'place-map.vl.json'), 'utf8'),
    );
  });

  it.concurrent.each([
    [
      ['chart', 'RESULTS', 'no-such-chart', '--out', 'x.svg'],
      ['"no-such-chart"', 'allowed: retention-curves'],
    ],
    [
      ['chart', 'missing-folder', 'place-map', '--out', 'x.svg'],
      ['"missing-folder"', 'no such folder'],
    ],
    [
      ['chart', 'RESULTS', 'place-map', '--format', 'gif', '--out', 'x.gif'],
      ['"gif"', 'svg, png, html, vl.json'],
    ],
    [
      ['chart', 'RESULTS', 'place-map', '--scale', '0', '--out', 'x.png'],
      ['"0"', 'from 0.25 to 20'],
    ],
    [['chart', 'RESULTS', 'place-map'], ['--out FILE is required']],
    [
      ['chart', 'RESULTS'],
      ['name a chart', 'paired-difference'],
    ],
    [
      ['report', 'missing-folder'],
      ['"missing-folder"', 'no such folder'],
    ],
    [['report'], ['name a results folder']],
  ])(
    'settle %j: exit 2, a message naming the value and what is allowed, nothing written',
    async (args, says) => {
      const cwd = tempDir('viz-cli-bad-');
      const before = folderFiles(results);
      const r = await settleAsync(
        args.map((a) => (a === 'RESULTS' ? results : a)),
        cwd,
      );
      expect(r.status).toBe(2);
      for (const s of says) expect(r.stderr).toContain(s);
      expect(readdirSync(cwd)).toEqual([]);
      const after = folderFiles(results);
      expect([...after.keys()]).toEqual([...before.keys()]);
    },
  );

  it('settle report on a folder with a broken summary.json: exit 2, the folder left as it was', async () => {
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    for (const f of TABLES) copyFileSync(join(results, f), join(broken, f));
    writeFileSync(join(broken, 'summary.json'), '{ not json');
    const r = await settleAsync(['report', broken], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is not a results folder');
    expect(readdirSync(broken).sort()).toEqual([...TABLES].sort());
    expect(readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([]);
  });
});
