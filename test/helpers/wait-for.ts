/**
 * Polls `condition` every 50 ms until it holds or `ms` pass, and says which (never throws):
 * the fleet tests wait on what they need to see, not for a fixed time, so a loaded machine
 * makes them slower, not wrong.
 */
export async function waitFor(condition: () => boolean | Promise<boolean>, ms = 15_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await condition()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
