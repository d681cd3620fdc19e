import { isReservedKey, type Problem } from '@smart-settlement/scenarios';
import { RESERVED_COLUMNS } from '../store/results-store.js';
import { defaultRetentionTargets } from './calibration-targets.js';
import { type Experiment, outputName, parameterName } from './experiment.js';

/**
 * The rules of an experiment that its schema cannot say and that sweep, sensitivity and
 * calibrate (and their store) rely on, checked once when the experiment is planned, so
 * `settle validate` refuses what every command would refuse:
 * - parameter and output names are column names: distinct even ignoring case (DuckDB's
 *   identifiers are case-insensitive), and not a column of the runs table (id, seed, status...);
 * - each parameter path is varied once, and no path goes through a built-in member name;
 * - `calibration.only` names targets of the calibration, each once.
 */
export function experimentConsistencyProblems(experiment: Experiment): Problem[] {
  const problems: Problem[] = [];
  const columns = new Map<string, string>();
  const kinds = new Map<string, string>();
  const claim = (name: string, path: string, what: string) => {
    const key = name.toLowerCase();
    if (RESERVED_COLUMNS.has(key))
      problems.push({
        path,
        value: name,
        allowed: `a ${what} name other than ${[...RESERVED_COLUMNS].join(', ')} (columns of the runs table)`,
      });
    else if (columns.has(key)) {
      // Two parameters (or two outputs) with the very same name are the schema check's to report.
      if (columns.get(key) === name && kinds.get(key) === what) return;
      problems.push({
        path,
        value: name,
        allowed: `a ${what} name distinct from "${columns.get(key)}" even ignoring case`,
      });
    } else {
      columns.set(key, name);
      kinds.set(key, what);
    }
  };
  const paths = new Map<string, number>();
  experiment.parameters.forEach((p, i) => {
    claim(parameterName(p), `parameters[${i}]${p.name !== undefined ? '.name' : '.path'}`, 'parameter');
    const reserved = p.path.split('.').find(isReservedKey);
    if (reserved)
      problems.push({
        path: `parameters[${i}].path`,
        value: p.path,
        allowed: `a lever or parameter path ("${reserved}" is a reserved name)`,
      });
    const earlier = paths.get(p.path);
    if (earlier !== undefined)
      problems.push({
        path: `parameters[${i}].path`,
        value: p.path,
        allowed: `a path not already varied (parameters[${earlier}] varies it)`,
      });
    else paths.set(p.path, i);
  });
  (experiment.outputs ?? []).forEach((o, i) => {
    claim(outputName(o), `outputs[${i}]${o.name !== undefined ? '.name' : ''}`, 'output');
  });
  const calibration = experiment.calibration;
  if (calibration?.only) {
    const ids =
      calibration.targets === 'retention-targets'
        ? defaultRetentionTargets().map((t) => t.id)
        : calibration.targets.map((t) => t.id);
    const seen = new Set<string>();
    calibration.only.forEach((id, i) => {
      if (!ids.includes(id))
        problems.push({
          path: `calibration.only[${i}]`,
          value: id,
          allowed: `a target id: ${ids.join(', ')}`,
        });
      else if (seen.has(id))
        problems.push({ path: `calibration.only[${i}]`, value: id, allowed: 'a target not already named' });
      seen.add(id);
    });
  }
  return problems;
}
