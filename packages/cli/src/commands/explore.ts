import { explorerHtml, policyScenarios } from '@smart-settlement/explorer';
import { writeFileAtomically } from '@smart-settlement/runner';
import { formatProblems, type Scenario, setLever, validateScenario } from '@smart-settlement/scenarios';
import { type Args, intOption, stringOption } from '../args.js';
import { loadScenario } from '../load.js';
import { InputError, msg } from '../messages.js';

/**
 * `settle explore [scenario|file ...] --out FILE`: writes the scenario explorer, one
 * self-contained HTML page (works offline, from disk) holding these scenarios (default: one per
 * policy of the registry, the five policies today); the first is the reference the others are
 * compared with.
 */
export function explore(args: Args): void {
  const out = stringOption(args, 'out');
  if (!out) throw new InputError(msg.needExploreOut);
  const agentScale = intOption(args, 'agent-scale', 1, 100_000);
  const replications = intOption(args, 'replications', 1, 1000);
  // Default: one scenario per policy of the registry (the library's where it has one).
  const inputs = args.positional.length
    ? args.positional.map(loadScenario)
    : policyScenarios().map((scenario) => ({ scenario, where: `"${scenario.name}"` }));
  const seen = new Set<string>();
  const scenarios: Scenario[] = inputs.map(({ scenario: raw, where }) => {
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
