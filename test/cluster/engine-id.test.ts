import { engineId } from '@smart-settlement/cluster';
import { VERSION } from '@smart-settlement/core';
import { describe, expect, it } from 'vitest';

describe('the engine id that workers and coordinator compare', () => {
  it('is the version plus a hash of the compiled engine code, the same at every call', () => {
    expect(engineId()).toMatch(new RegExp(`^${VERSION.replaceAll('.', '\\.')}\\+[0-9a-f]{12}$`));
    expect(engineId()).toBe(engineId());
  });
});
