// @smart-settlement/explorer: the scenario explorer, one self-contained web page. This entry
// (Node) fills the built page with the scenarios to explore; the page itself is in src/page/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '@smart-settlement/scenarios';
import { scriptJson } from '@smart-settlement/viz';
import { DATA_PLACEHOLDER, type ExplorerData, PAGE_AGENT_SCALE, PAGE_REPLICATIONS } from './page/data.js';

export { type ExplorerData, PAGE_AGENT_SCALE, PAGE_REPLICATIONS, policyScenarios } from './page/data.js';

/** Where the build puts the page (`npm run build` runs scripts/build-page.mjs after tsc). */
export const PAGE_FILE = join(dirname(fileURLToPath(import.meta.url)), 'page', 'explorer.html');

/** Options of {@link explorerHtml}. */
export interface ExplorerOptions {
  /** People each agent stands for in the page's runs (default {@link PAGE_AGENT_SCALE}). */
  agentScale?: number;
  /** Replications the page runs for each change (default {@link PAGE_REPLICATIONS}). */
  replications?: number;
}

/**
 * The explorer page for these scenarios (validated, names distinct; the first is the reference
 * the others are compared with): one HTML file that works offline, from disk, with no server.
 * @example
 * writeFileSync('explorer.html', explorerHtml(policyScenarios()));
 */
export function explorerHtml(scenarios: readonly Scenario[], options: ExplorerOptions = {}): string {
  if (!existsSync(PAGE_FILE))
    throw new Error(`the explorer page is not built (${PAGE_FILE}): run npm run build`);
  const data: ExplorerData = {
    scenarios: [...scenarios],
    agentScale: options.agentScale ?? PAGE_AGENT_SCALE,
    replications: options.replications ?? PAGE_REPLICATIONS,
  };
  const template = readFileSync(PAGE_FILE, 'utf8');
  if (!template.includes(DATA_PLACEHOLDER)) throw new Error(`${PAGE_FILE} has no place for the scenarios`);
  return template.replace(DATA_PLACEHOLDER, () => scriptJson(data));
}
