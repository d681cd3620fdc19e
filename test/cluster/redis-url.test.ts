import { checkRedisUrl, RedisUrlError, redactRedisUrl } from '@smart-settlement/cluster';
import { describe, expect, it } from 'vitest';

describe('the --redis address', () => {
  it('accepts redis:// and rediss:// URLs with a host', () => {
    expect(checkRedisUrl('redis://10.0.0.5:6379')).toBe('redis://10.0.0.5:6379');
    expect(checkRedisUrl('rediss://:secret@queue.example.org:6380/2')).toContain('queue.example.org');
  });

  it.each([
    ['10.0.0.5:6379', 'has no scheme'],
    ['http://10.0.0.5:6379', 'scheme "http:"'],
    ['redis://', 'has no host'],
    ['redis://host:port', 'is not a URL'],
    ['redis://10.0.0.5:6379/db', 'database "db"'],
  ])('rejects %s, naming the value and what is allowed', (value, reason) => {
    const error = (() => {
      try {
        checkRedisUrl(value);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(RedisUrlError);
    expect(error?.message).toContain(JSON.stringify(value));
    expect(error?.message).toContain(reason);
    expect(error?.message).toContain('redis://HOST:PORT');
  });

  it('is shown in logs without its password', () => {
    expect(redactRedisUrl('redis://:s3cret@10.0.0.5:6379')).toBe('redis://:***@10.0.0.5:6379');
    expect(redactRedisUrl('redis://user:s3cret@host:6379/2')).not.toContain('s3cret');
    expect(redactRedisUrl('redis://10.0.0.5:6379')).toBe('redis://10.0.0.5:6379');
  });
});
