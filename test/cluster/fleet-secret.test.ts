import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FleetSecretError, MIN_SECRET_LENGTH, readFleetSecret, signResult } from '@smart-settlement/cluster';
import { describe, expect, it } from 'vitest';
import { settle, tempDir } from '../helpers/cli.js';

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
    chmodSync(big, 0o600);
    expect(refusal({ file: join(dir, 'absent') })?.message).toContain('cannot read the fleet secret file');
    expect(refusal({ file: '/dev/zero' })?.message).toContain('not a regular file');
    expect(refusal({ file: big })?.message).toContain('larger than');
  });

  it.runIf(process.platform !== 'win32')(
    'from a file its group or others may read (as ssh refuses such a key), is refused naming the mode and the fix, without reading it',
    () => {
      const dir = tempDir();
      const file = join(dir, 'fleet.secret');
      writeFileSync(file, `${text}\n`);
      for (const mode of [0o644, 0o640, 0o604, 0o660, 0o602]) {
        chmodSync(file, mode);
        const error = refusal({ file });
        expect(error?.message, mode.toString(8)).toContain(`mode 0${mode.toString(8)}`);
        expect(error?.message).toContain(`chmod 600 ${JSON.stringify(file)}`);
        expect(error?.message).not.toContain(text);
        expect(refusal({ env: { SETTLE_FLEET_SECRET_FILE: file } })?.message).toContain('group or others');
      }
      for (const mode of [0o600, 0o400]) {
        chmodSync(file, mode);
        expect(refusal({ file }), mode.toString(8)).toBeUndefined();
      }
    },
  );

  it.runIf(process.platform !== 'win32')(
    'settle worker with a secret file others may read exits 2 with the message, before connecting to Redis',
    () => {
      const dir = tempDir();
      const file = join(dir, 'fleet.secret');
      writeFileSync(file, `${text}\n`);
      chmodSync(file, 0o644);
      // Port 1: nothing listens there, so a worker that went on would fail differently.
      const r = settle(['worker', '--redis', 'redis://127.0.0.1:1', '--fleet-secret-file', file], dir, {
        SETTLE_FLEET_SECRET: '',
        SETTLE_FLEET_SECRET_FILE: '',
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('group or others may use it (mode 0644)');
      expect(r.stderr).not.toContain('    at ');
    },
  );
});
