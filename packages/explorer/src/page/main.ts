// The scenario explorer's page: pick a scenario, move its levers (controls generated from the
// scenario schema), and watch it run against the reference in a Web Worker, replication by
// replication, with the briefing pack's tables and charts. The state lives in the URL hash.
import { DEFAULT_PARAMS, type PlaceSpec, type SummaryDocument } from '@smart-settlement/core';
import { LIBRARY, ontarioPlaces, type Scenario } from '@smart-settlement/scenarios';
import { toJson } from '@smart-settlement/viz';
import { type FieldContext, fieldControl } from './controls.js';
import {
  DATA_PLACEHOLDER,
  type ExplorerData,
  PAGE_AGENT_SCALE,
  PAGE_REPLICATIONS,
  policyScenarios,
} from './data.js';
import { download, h, readableNumber } from './dom.js';
import { accountabilityTables, ChartPanel, headlineCards } from './results.js';
import { type RunProgress, RunSession } from './run-session.js';
import {
  applySettings,
  filledScenario,
  getPath,
  hashOf,
  parseHash,
  setPath,
  settingsBetween,
} from './scenario-state.js';
import { assumptionFields, type Field, policyFields, runFields } from './schema-adapter.js';
import { applyTheme } from './theme.js';

function readData(): ExplorerData {
  const text = document.getElementById('explorer-data')?.textContent ?? '';
  if (text.trim() && text.trim() !== DATA_PLACEHOLDER) return JSON.parse(text) as ExplorerData;
  // The page as built, before `settle explore` fills it: one scenario per policy of the registry.
  return {
    scenarios: policyScenarios(),
    agentScale: PAGE_AGENT_SCALE,
    replications: PAGE_REPLICATIONS,
  };
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

class Explorer {
  private readonly data = readData();
  /** The page's scenarios with every default filled and the page's scale and replications. */
  private readonly bases: Scenario[];
  private baseIndex = 0;
  private settings: string[] = [];
  /** The scenario as edited (valid: every default filled), or the last invalid attempt. */
  private edited: Scenario;
  private problems = new Map<string, string>();
  private readonly places: PlaceSpec[] = ontarioPlaces().places;
  private readonly session = new RunSession((p) => this.onProgress(p));
  private readonly charts = new ChartPanel(byId('charts'));
  private readonly assumptions = assumptionFields();
  private summary?: SummaryDocument;
  private firstResult?: number;
  private lastChartDraw = 0;
  private chartTimer?: number;
  /** Counts runs, so a chart drawing of an earlier run does not report itself as this one's. */
  private runId = 0;

  constructor() {
    this.bases = this.data.scenarios.map((s) => {
      const checked = filledScenario({
        ...s,
        agentScale: this.data.agentScale,
        replications: this.data.replications,
      });
      if (!checked.ok) throw new Error(`scenario ${s.name} does not validate`);
      return checked.scenario;
    });
    this.baseIndex = this.bases.length > 1 ? 1 : 0;
    this.edited = this.bases[this.baseIndex];
    this.renderScenarioPicker();
    byId('reset').addEventListener('click', () => {
      this.reset();
      byId('reset').focus();
    });
    byId('stop').addEventListener('click', () => {
      this.session.cancel();
      this.status('Stopped. Change a lever or press Run to start again.', false);
      byId<HTMLButtonElement>('stop').disabled = true;
    });
    byId('rerun').addEventListener('click', () => this.run());
    byId('download-scenario').addEventListener('click', () =>
      download(`${this.edited.name}.json`, `${JSON.stringify(this.edited, null, 2)}\n`),
    );
    byId('download-reference').addEventListener('click', () =>
      download(`${this.bases[0].name}.json`, `${JSON.stringify(this.bases[0], null, 2)}\n`),
    );
    byId('download-summary').addEventListener('click', () => {
      if (this.summary) download('summary.json', toJson(this.summary));
    });
    byId('copy-link').addEventListener('click', () => this.copyLink());
    window.addEventListener('hashchange', () => this.loadHash());
    // In-page links (skip link, section links) scroll and focus, leaving the hash to the scenario.
    document.addEventListener('click', (event) => {
      const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[href^="#"]');
      const target = link && document.getElementById(link.hash.slice(1));
      if (!target) return;
      event.preventDefault();
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    });
    this.loadHash();
  }

  /**
   * The settings that change the world rather than a policy (assumptions, run settings, places):
   * they apply to the reference too, as `--set` does for every scenario of `settle compare`
   * (so the difference is the policy's, in the same world).
   */
  private worldSettings(): string[] {
    // Editing the reference itself is compared with the reference as it comes.
    if (this.baseIndex === 0) return [];
    const handles = new Set((this.edited.policies ?? []).map((p) => p.name ?? p.type));
    return this.settings.filter((s) => !handles.has(s.slice(0, s.indexOf('=')).split('.')[0]));
  }

  /** The reference scenario in the same world as the edited one (its seed and replications rule the run). */
  private reference(): Scenario {
    const base = this.bases[0];
    const applied = applySettings(base, this.worldSettings());
    return applied.ok ? { ...applied.scenario, name: base.name, description: base.description } : base;
  }

  private loadHash(): void {
    const { base, settings } = parseHash(location.hash);
    const notice = byId('notice');
    notice.hidden = true;
    if (base !== undefined) {
      const index = this.bases.findIndex((s) => s.name === base);
      if (index < 0) {
        this.showNotice(
          `The link names a scenario this page does not hold: "${base}". Scenarios here: ${this.bases.map((s) => s.name).join(', ')}.`,
        );
      } else {
        this.baseIndex = index;
        const applied = applySettings(this.bases[index], settings);
        if (applied.ok) {
          this.settings = settings;
          this.edited = applied.scenario;
        } else {
          this.showNotice(
            `The link's scenario was refused, so the page shows ${this.bases[index].name} as it comes:\n${applied.message}`,
          );
          this.settings = [];
          this.edited = this.bases[index];
        }
      }
    }
    this.problems.clear();
    history.replaceState(null, '', hashOf(this.bases[this.baseIndex].name, this.settings));
    byId<HTMLSelectElement>('scenario-select').value = String(this.baseIndex);
    this.renderForm();
    this.run();
  }

  private showNotice(text: string): void {
    const notice = byId('notice');
    notice.hidden = false;
    byId('notice-text').textContent = text;
  }

  private renderScenarioPicker(): void {
    const select = byId<HTMLSelectElement>('scenario-select');
    this.bases.forEach((s, i) => {
      select.append(h('option', { value: i }, i === 0 ? `${s.name} (reference)` : s.name));
    });
    select.addEventListener('change', () => {
      this.baseIndex = Number(select.value);
      this.reset();
    });
  }

  /** Back to the chosen scenario as it came, without settings, and run it. */
  private reset(): void {
    byId('notice').hidden = true;
    this.settings = [];
    this.edited = this.bases[this.baseIndex];
    this.problems.clear();
    history.replaceState(null, '', hashOf(this.edited.name, []));
    this.renderForm();
    this.run();
  }

  /** Sets a value of the edited scenario (full path), validates, and reruns or shows the problem. */
  private change(path: readonly string[], value: unknown): void {
    const base = this.bases[this.baseIndex];
    const candidate = setPath(this.edited, path, value);
    const settings = settingsBetween(base, candidate);
    const applied = applySettings(base, settings);
    this.problems.clear();
    if (applied.ok) {
      this.settings = settings;
      this.edited = applied.scenario;
      history.replaceState(null, '', hashOf(base.name, settings));
      this.renderForm();
      this.run();
    } else {
      this.session.cancel();
      for (const p of applied.problems)
        this.problems.set(p.path, `Got ${JSON.stringify(p.value) ?? 'nothing'}; allowed: ${p.allowed}`);
      this.edited = candidate;
      this.renderForm();
      this.status(`Not run: ${applied.message}`, false);
      byId<HTMLButtonElement>('stop').disabled = true;
    }
  }

  /** A field context for fields whose paths start at `prefix` in the scenario. */
  private context(prefix: string[], problemPrefix: string, defaults?: Map<string, unknown>): FieldContext {
    const full = (path: readonly string[]) => [...prefix, ...path];
    const fallback = (path: readonly string[]) => defaults?.get(path.join('.'));
    return {
      get: (path) => getPath(this.edited, full(path)) ?? fallback(path),
      original: (path) => getPath(this.bases[this.baseIndex], full(path)) ?? fallback(path),
      set: (path, value) => {
        const original = getPath(this.bases[this.baseIndex], full(path));
        // A parameter set back to its default is left out, as in the scenario it came from.
        const next = original === undefined && value === fallback(path) ? undefined : value;
        this.change(full(path), typeof next === 'number' && Number.isNaN(next) ? null : next);
      },
      problemPath: (path) => `${problemPrefix}${path.join('.')}`,
      places: this.places,
    };
  }

  private renderForm(): void {
    const focused = document.activeElement?.id;
    const base = this.bases[this.baseIndex];
    byId('scenario-description').textContent = base.description ?? '';
    byId('reference-name').textContent = this.bases[0].name;
    const levers = byId('levers');
    levers.replaceChildren();
    const policies = (this.edited.policies ?? []) as { type: string; name?: string }[];
    if (policies.length === 0)
      levers.append(
        h(
          'p',
          { class: 'muted' },
          'No policy in force: this is the reference the others are compared with. Its run settings and assumptions can still be changed below.',
        ),
      );
    policies.forEach((policy, i) => {
      const ctx = this.context(['policies', String(i)], `policies[${i}].`);
      levers.append(
        h(
          'fieldset',
          { class: 'policy' },
          h(
            'legend',
            {},
            `${policy.name ?? policy.type}`,
            policy.name && policy.name !== policy.type
              ? h('span', { class: 'muted' }, ` (${policy.type})`)
              : undefined,
          ),
          ...policyFields(policy.type).map((f) => fieldControl(f, ctx)),
        ),
      );
    });
    const run = byId('run-settings');
    run.replaceChildren(...runFields().map((f) => fieldControl(f, this.context([], ''))));
    const defaults = new Map(Object.entries(DEFAULT_PARAMS).map(([k, v]) => [k, v as unknown]));
    const assumptions = byId('assumption-fields');
    assumptions.replaceChildren(
      ...this.assumptions.map((f) =>
        fieldControl(withPath(f, [f.key]), this.context(['params'], 'params.', defaults)),
      ),
    );
    const changedAssumptions = this.assumptions.filter(
      (f) => getPath(this.edited, ['params', f.key]) !== undefined,
    ).length;
    byId('assumptions-count').textContent = changedAssumptions
      ? `${changedAssumptions} changed`
      : 'all at their defaults';
    for (const [path, message] of this.problems) {
      const field = document.querySelector<HTMLElement>(`[data-problem-path="${CSS.escape(path)}"]`);
      const error = field?.querySelector<HTMLElement>('.error');
      if (field && error) {
        field.classList.add('invalid');
        error.hidden = false;
        error.textContent = message;
        field.querySelector('input')?.setAttribute('aria-invalid', 'true');
        if (field.closest('details')) (field.closest('details') as HTMLDetailsElement).open = true;
      }
    }
    byId('changes').textContent = this.settings.length
      ? this.settings.join('  ')
      : 'none: the scenario as it comes';
    if (focused) document.getElementById(focused)?.focus();
    this.renderTakeAway();
  }

  private renderTakeAway(): void {
    const e = this.edited;
    const ref = this.reference();
    const file = `${e.name}.json`;
    const base = this.bases[0];
    const shipped = LIBRARY[base.name];
    const sameAsShipped =
      shipped !== undefined &&
      JSON.stringify(
        filledScenario({
          ...shipped,
          agentScale: base.agentScale,
          replications: base.replications,
          seed: base.seed,
        }),
      ) === JSON.stringify(filledScenario(base));
    const refArg = sameAsShipped ? base.name : `${base.name}.json`;
    byId('download-reference').hidden = sameAsShipped;
    // The page's scale, replications and seed, overridden by the user's changes to the world.
    const world = new Map<string, string>();
    for (const setting of [
      `agentScale=${base.agentScale}`,
      `replications=${base.replications}`,
      `seed=${base.seed}`,
      ...this.worldSettings(),
    ])
      world.set(setting.slice(0, setting.indexOf('=')), setting);
    const sets = [...world.values()].map((s) => `--set ${shellWord(s)}`).join(' ');
    const compare = e.name === ref.name ? `settle run ${refArg}` : `settle compare ${refArg} ${file}`;
    byId('commands').textContent = [
      `settle validate ${file}`,
      `settle run ${file} --out out/${e.name}`,
      `${compare} ${sets} --out out/${e.name}-compare`,
      `${compare} ${sets} --set agentScale=20 --out out/${e.name}-full-scale`,
    ].join('\n');
    const scale = readableNumber(e.agentScale);
    byId('scale-short').textContent =
      `Each agent here stands for ${scale} people (the command line's full scale: one agent for 20 people); Take it away gives the commands for full-scale figures.`;
    byId('scale-note').textContent =
      `This page runs each agent as ${scale} people, so that the first result comes within seconds; its figures are noisier than at the command line's full scale (one agent for 20 people). The commands below give this page's figures exactly, and the last one the full-scale figures.`;
  }

  private run(): void {
    const scenarios =
      this.baseIndex === 0 && this.settings.length === 0 ? [this.edited] : [this.reference(), this.edited];
    window.clearTimeout(this.chartTimer);
    this.runId++;
    document.body.dataset.chartsReplications = '0';
    this.firstResult = undefined;
    byId<HTMLButtonElement>('stop').disabled = false;
    byId('results').setAttribute('aria-busy', 'true');
    document.body.dataset.replications = '0';
    this.status(`Running replication 1 of ${this.edited.replications}…`, true, 0);
    const reference = scenarios[0];
    this.session.start({ scenarios, seed: reference.seed!, replications: reference.replications! });
  }

  private status(text: string, running: boolean, done?: number): void {
    byId('status-text').textContent = text;
    const bar = byId<HTMLProgressElement>('progress');
    bar.max = this.edited.replications ?? 1;
    if (done !== undefined) bar.value = done;
    byId('status').classList.toggle('running', running);
  }

  private onProgress(p: RunProgress): void {
    if (p.error) {
      this.status(`The run failed: ${p.error}`, false);
      byId<HTMLButtonElement>('stop').disabled = true;
      console.error(p.error);
      return;
    }
    if (!p.results) return;
    this.summary = p.results.summary;
    const seconds = (p.elapsed / 1000).toFixed(1);
    if (this.firstResult === undefined) {
      this.firstResult = p.elapsed;
      document.body.dataset.firstResultMs = String(Math.round(p.elapsed));
      // Since the page was opened (what a reader waits), for the record and the browser test.
      document.body.dataset.firstResultSinceOpenMs = String(Math.round(performance.now()));
    }
    const first = `first result after ${(this.firstResult / 1000).toFixed(1)} s`;
    this.status(
      p.finished
        ? `All ${p.total} replications done in ${seconds} s (${first}).`
        : `${p.done} of ${p.total} replications done, ${seconds} s (${first}); the 90% intervals narrow as more come in…`,
      !p.finished,
      p.done,
    );
    byId('headline').replaceChildren(headlineCards(p.results.summary));
    const figures = byId('figures');
    const open = [...figures.querySelectorAll('details')].map((d) => d.open);
    figures.replaceChildren(accountabilityTables(p.results.summary));
    figures.querySelectorAll('details').forEach((d, i) => {
      if (open[i] !== undefined) d.open = open[i];
    });
    document.body.dataset.replications = String(p.done);
    if (p.finished) {
      byId<HTMLButtonElement>('stop').disabled = true;
      byId('results').setAttribute('aria-busy', 'false');
    }
    this.scheduleCharts(p);
  }

  /** Charts are redrawn at most every 1.5 s while replications come in, and always at the end. */
  private scheduleCharts(p: RunProgress): void {
    window.clearTimeout(this.chartTimer);
    const runId = this.runId;
    const draw = () => {
      this.lastChartDraw = performance.now();
      const tables = p.results!.tables;
      void this.charts.draw(tables).then(() => {
        if (runId === this.runId) document.body.dataset.chartsReplications = String(p.done);
      });
    };
    const wait = 1500 - (performance.now() - this.lastChartDraw);
    // The first replication's charts are drawn after the figures have been painted.
    if (p.done === 1 && !p.finished) requestAnimationFrame(() => window.setTimeout(draw, 0));
    else if (p.finished || wait <= 0) draw();
    else this.chartTimer = window.setTimeout(draw, wait);
  }

  private async copyLink(): Promise<void> {
    const field = byId<HTMLInputElement>('link-text');
    field.value = location.href;
    field.hidden = false;
    field.select();
    try {
      await navigator.clipboard.writeText(location.href);
      byId('copy-status').textContent = 'Link copied.';
    } catch {
      byId('copy-status').textContent = 'Select the link above and copy it.';
    }
  }

  /** For scripts and tests: the figures shown and the specs drawn. */
  api() {
    return {
      summary: () => this.summary,
      spec: (name: string) => this.charts.spec(name),
      scenario: () => this.edited,
    };
  }
}

/** A word for a POSIX shell: quoted when it holds anything but plain characters. */
function shellWord(s: string): string {
  return /^[A-Za-z0-9_.,+=:@%/-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}

/** A field placed under a new path (assumptions sit under `params`, their context adds it). */
function withPath<F extends Field>(field: F, path: string[]): F {
  return { ...field, path };
}

applyTheme(document.documentElement);
const explorer = new Explorer();
(window as unknown as { smartSettlementExplorer: unknown }).smartSettlementExplorer = explorer.api();
