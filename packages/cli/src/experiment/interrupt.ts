import { EXIT, msg } from '../messages.js';

/**
 * An AbortSignal raised by the first Ctrl-C or SIGTERM (runs in flight finish and are saved);
 * a second one exits at once (the store stays consistent: unsaved runs are simply run again).
 */
export function interruptSignal(quiet: boolean): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    if (!quiet) process.stderr.write(msg.stopping);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
