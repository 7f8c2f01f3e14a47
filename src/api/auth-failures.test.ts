import { describe, expect, it } from 'vitest';
import { AuthFailures } from './auth-failures.js';

describe('AuthFailures', () => {
  it('blocks an address after max failures until its window ends, and others never', () => {
    let t = 1_000_000;
    const f = new AuthFailures(3, 60_000, 100, () => t);
    for (let i = 0; i < 3; i++) {
      expect(f.blockedFor('a')).toBe(0);
      f.fail('a');
      t += 1000;
    }
    expect(f.blockedFor('a')).toBe(57_000);
    expect(f.blockedFor('b')).toBe(0);
    t += 56_999;
    expect(f.blockedFor('a')).toBe(1);
    t += 1;
    expect(f.blockedFor('a')).toBe(0);
    // A new window starts from nothing.
    f.fail('a');
    expect(f.blockedFor('a')).toBe(0);
  });
  it('remembers at most maxClients addresses, forgetting the oldest', () => {
    const t = 0;
    const f = new AuthFailures(1, 60_000, 3, () => t);
    for (const c of ['a', 'b', 'c', 'd']) f.fail(c);
    expect(f.blockedFor('a')).toBe(0);
    expect(f.blockedFor('b')).toBeGreaterThan(0);
    expect(f.blockedFor('d')).toBeGreaterThan(0);
  });
});
