import { explorerHtml } from '@smart-settlement/explorer';
import { writeFileAtomically } from '@smart-settlement/runner';
import {
  DEFAULT_COMPARISON,
  formatProblems,
  type Scenario,
  setLever,
  validateScenario,
} from '@smart-settlement/scenarios';
import { type Args, intOption, stringOption } from '../args.js';
import { loadScenario } from '../load.js';
import { InputError, msg } from '../messages.js';

/**
 * `settle explore [scenario|file ...] --out FILE`: writes the scenario explorer, one
 * self-contained HTML page (works offline, from disk) holding these scenarios (default: the
 * five policies); the first is the reference the others are compared with.
 */
export function explore(args: Args): void {
  const out = stringOption(args, 'out');
  if (!out) throw new InputError(msg.needExploreOut);
  const agentScale = intOption(args, 'agent-scale', 1, 100_000);
  const replications = intOption(args, 'replications', 1, 1000);
  const names = args.positional.length ? args.positional : DEFAULT_COMPARISON;
  const seen = new Set<string>();
  const scenarios: Scenario[] = names.map((nameOrFile) => {
    const { scenario: raw, where } = loadScenario(nameOrFile);
    let scenario = raw as Scenario;
    try {
      for (const s of args.options.get('set') ?? []) scenario = setLever(scenario, s);
    } catch (e) {
      throw new InputError(msg.badSet((e as Error).message));
    }
    const checked = validateScenario(scenario);
    if (!checked.ok) throw new InputError(msg.invalidScenario(where, formatProblems(checked.problems)));
    if (seen.has(checked.scenario.name)) throw new InputError(msg.duplicateExplored(checked.scenario.name));
    seen.add(checked.scenario.name);
    return scenario;
  });
  const html = explorerHtml(scenarios, { agentScale, replications });
  writeFileAtomically(out, html); // whole or not at all
  if (!args.flags.has('quiet'))
    console.log(
      msg.wroteExplorer(
        out,
        Buffer.byteLength(html),
        scenarios.map((s) => s.name),
      ),
    );
}
