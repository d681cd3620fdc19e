import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { experimentDir, settle } from '../helpers/cli.js';

// Bad fleet options are bad input: a message naming the option, exit 2, nothing written.
describe('settle worker and settle sweep --redis with bad input', () => {
  it('settle worker without --redis says it is required', () => {
    const r = settle(['worker']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--redis redis://HOST:PORT is required');
  });

  it('settle worker with a URL that is not redis:// names the value and what is allowed', () => {
    const r = settle(['worker', '--redis', 'http://10.0.0.5:6379']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('"http://10.0.0.5:6379"');
    expect(r.stderr).toContain('allowed: redis://HOST:PORT');
  });

  it('settle worker without a fleet secret says how to give one (exit 2), and takes none on the command line', () => {
    const r = settle(['worker', '--redis', 'redis://127.0.0.1:6379'], undefined, {
      SETTLE_FLEET_SECRET: '',
      SETTLE_FLEET_SECRET_FILE: '',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no fleet secret');
    expect(r.stderr).toContain('SETTLE_FLEET_SECRET');
    const inline = settle(['worker', '--redis', 'redis://127.0.0.1:6379', '--fleet-secret', 'x'.repeat(32)]);
    expect(inline.status).toBe(2);
    expect(inline.stderr).toContain('unknown option "--fleet-secret"');
    expect(inline.stderr).toContain('--fleet-secret-file');
  });

  it('settle worker with a --max-memory that is not a size names the value and what is allowed', () => {
    const r = settle(['worker', '--redis', 'redis://127.0.0.1:6379', '--max-memory', 'lots']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--max-memory: got "lots"; allowed:');
  });

  it('settle sweep --redis with a bad URL or with --workers writes nothing', () => {
    const dir = experimentDir();
    const badUrl = settle(['sweep', 'e.json', '--out', 'out', '--redis', '10.0.0.5:6379'], dir);
    expect(badUrl.status).toBe(2);
    expect(badUrl.stderr).toContain('has no scheme');
    const withWorkers = settle(
      ['sweep', 'e.json', '--out', 'out', '--redis', 'redis://127.0.0.1:6379', '--workers', '2'],
      dir,
    );
    expect(withWorkers.status).toBe(2);
    expect(withWorkers.stderr).toContain('--concurrency');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
