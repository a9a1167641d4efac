/**
 * Failed logins per user name, so that a password cannot be guessed at the speed of the
 * network: after `limit` failures within `windowMs`, the name is refused (429) until the window
 * of its first failure has passed, even with the right password; a successful login clears the
 * count. Kept in memory: a restart forgets it, and each server process counts its own.
 *
 * The price is that anyone who can reach the login can hold a known name refused for a window;
 * the window is short, and the name's owner (or a curator with `kirinuki users`) is not
 * locked out of the archive for longer than that.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { first: number; count: number }>();

  constructor(
    private readonly limit = 10,
    private readonly windowMs = 15 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Milliseconds until `name` may try again, or 0 when it may now.
   *
   * @example
   * if (throttle.waitFor(name) > 0) throw new ApiError('too_many_requests', '…');
   */
  waitFor(name: string): number {
    const seen = this.failures.get(key(name));
    if (seen === undefined) return 0;
    const left = seen.first + this.windowMs - this.now();
    if (left <= 0) {
      this.failures.delete(key(name));
      return 0;
    }
    return seen.count >= this.limit ? left : 0;
  }

  /**
   * Counts a failed login of `name`.
   *
   * @example
   * throttle.failed('hanako');
   */
  failed(name: string): void {
    const k = key(name);
    const seen = this.failures.get(k);
    if (seen === undefined || seen.first + this.windowMs <= this.now())
      this.failures.set(k, { first: this.now(), count: 1 });
    else seen.count += 1;
    // Names that were never users would otherwise pile up: forget the oldest beyond a bound.
    if (this.failures.size > 10_000) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }

  /**
   * Clears the count of `name` after a login that succeeded.
   *
   * @example
   * throttle.succeeded('hanako');
   */
  succeeded(name: string): void {
    this.failures.delete(key(name));
  }
}

function key(name: string): string {
  return name.normalize('NFC');
}
