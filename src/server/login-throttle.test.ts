import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.js';

describe('LoginThrottle', () => {
  it('refuses a name after its limit of failures until the window of the first has passed', () => {
    let now = 1_000;
    const throttle = new LoginThrottle(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(throttle.waitFor('hanako')).toBe(0);
      throttle.failed('hanako');
      now += 1_000;
    }
    expect(throttle.waitFor('hanako')).toBe(60_000 - 3_000);
    expect(throttle.waitFor('taro')).toBe(0);
    now = 1_000 + 60_000;
    expect(throttle.waitFor('hanako')).toBe(0);
  });

  it('a login that succeeds clears the count', () => {
    const throttle = new LoginThrottle(2, 60_000, () => 0);
    throttle.failed('hanako');
    throttle.succeeded('hanako');
    throttle.failed('hanako');
    expect(throttle.waitFor('hanako')).toBe(0);
    throttle.failed('hanako');
    expect(throttle.waitFor('hanako')).toBeGreaterThan(0);
  });
});
