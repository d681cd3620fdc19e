// A description of the machine the figures were measured on.
import { availableParallelism, cpus, release, totalmem, type } from 'node:os';

export function machine() {
  const cpu = cpus()[0];
  return {
    cpu: cpu?.model?.trim() ?? 'unknown CPU',
    mhz: cpu?.speed ?? 0,
    cores: availableParallelism(),
    memoryGiB: totalmem() / 2 ** 30,
    os: `${type()} ${release()}`,
    node: process.versions.node,
    v8: process.versions.v8,
  };
}
