import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FleetSecretError, MIN_SECRET_LENGTH, readFleetSecret, signResult } from '@smart-settlement/cluster';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';

/** The error readFleetSecret throws, or undefined. */
function refusal(sources: Parameters<typeof readFleetSecret>[0]): FleetSecretError | undefined {
  try {
    readFleetSecret(sources);
  } catch (error) {
    if (error instanceof FleetSecretError) return error;
    throw error;
  }
}

describe('the fleet secret', () => {
  const text = 'a'.repeat(MIN_SECRET_LENGTH) + '-fleet';

  it('comes from SETTLE_FLEET_SECRET, or a file (from SETTLE_FLEET_SECRET_FILE or the option), the same key whatever the source', () => {
    const dir = tempDir();
    const file = join(dir, 'fleet.secret');
    writeFileSync(file, `${text}\n`);
    chmodSync(file, 0o600);
    const fromEnv = readFleetSecret({ env: { SETTLE_FLEET_SECRET: text } });
    const fromEnvFile = readFleetSecret({ env: { SETTLE_FLEET_SECRET_FILE: file } });
    const fromOption = readFleetSecret({
      env: { SETTLE_FLEET_SECRET: 'ignored-when-a-file-is-given' },
      file,
    });
    const sign = (secret: typeof fromEnv) => signResult(secret, 'e', 0, { x: 1 });
    expect(sign(fromEnvFile)).toBe(sign(fromEnv));
    expect(sign(fromOption)).toBe(sign(fromEnv));
  });

  it('missing, says where to put one and how to make one', () => {
    const error = refusal({ env: {} });
    expect(error?.message).toContain('SETTLE_FLEET_SECRET');
    expect(error?.message).toContain('--fleet-secret-file');
    expect(error?.message).toContain('openssl rand -hex 32');
  });

  it('too short, names its source and the minimum, never the secret', () => {
    const error = refusal({ env: { SETTLE_FLEET_SECRET: 'hunter2' } });
    expect(error?.message).toContain(`at least ${MIN_SECRET_LENGTH}`);
    expect(error?.message).toContain('SETTLE_FLEET_SECRET');
    expect(error?.message).not.toContain('hunter2');
  });

  it('from a file that is missing, not a regular file or too large, is refused without reading it whole', () => {
    const dir = tempDir();
    const big = join(dir, 'big');
    writeFileSync(big, 'x'.repeat(100_000));
    expect(refusal({ file: join(dir, 'absent') })?.message).toContain('cannot read the fleet secret file');
    expect(refusal({ file: '/dev/zero' })?.message).toContain('not a regular file');
    expect(refusal({ file: big })?.message).toContain('larger than');
  });
});
