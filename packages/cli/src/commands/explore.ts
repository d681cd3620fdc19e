import { explorerHtml, policyScenarios } from '@smart-settlement/explorer';
import { writeFileAtomically } from '@smart-settlement/runner';
import { formatProblems, type Scenario, setLever, validateScenario } from '@smart-settlement/scenarios';
import { type SettleCommand, settleCommand } from '../command.js';
import { loadScenario } from '../load.js';
import { help, InputError, msg } from '../messages.js';
import { type Options, option } from '../options.js';
import { print } from '../output/terminal.js';

/**
 * `settle explore [scenario|file ...] --out FILE`: writes the scenario explorer, one
 * self-contained HTML page (works offline, from disk) holding these scenarios (default: one per
 * policy of the registry); the first is the reference the others are compared with.
 */
export function exploreCommand(): SettleCommand {
  return settleCommand('explore', help.command.explore)
    .argument('[scenarios...]', help.argument.explored)
    .addOption(option.out('FILE', help.option.out.explorer))
    .addOption(option.agentScale())
    .addOption(option.replications(1000, help.option.explorerReplications))
    .addOption(option.set())
    .addOption(option.quiet())
    .action(explore);
}

function explore(names: string[], options: Options): void {
  const out = options.out;
  if (!out) throw new InputError(msg.needExploreOut);
  // Default: one scenario per policy of the registry (the library's where it has one).
  const inputs = names.length
    ? names.map(loadScenario)
    : policyScenarios().map((scenario) => ({ scenario, where: `"${scenario.name}"` }));
  const seen = new Set<string>();
  const scenarios: Scenario[] = inputs.map(({ scenario: raw, where }) => {
    let scenario = raw as Scenario;
    try {
      for (const s of options.set ?? []) scenario = setLever(scenario, s);
    } catch (e) {
      throw new InputError(msg.badSet((e as Error).message));
    }
    const checked = validateScenario(scenario);
    if (!checked.ok) throw new InputError(msg.invalidScenario(where, formatProblems(checked.problems)));
    if (seen.has(checked.scenario.name)) throw new InputError(msg.duplicateExplored(checked.scenario.name));
    seen.add(checked.scenario.name);
    return scenario;
  });
  const html = explorerHtml(scenarios, {
    agentScale: options.agentScale,
    replications: options.replications,
  });
  writeFileAtomically(out, html); // whole or not at all
  if (!options.quiet)
    print(
      msg.wroteExplorer(
        out,
        Buffer.byteLength(html),
        scenarios.map((s) => s.name),
      ),
    );
}
