/**
 * fast-check shrinks the mutations that made an input, but a mutated document shrinks poorly
 * through them (moving an edit changes what it hits). The failing string is then cut down by
 * itself: pieces removed, halves to single characters, as long as the same failure remains.
 */

/**
 * What kind of failure an exception is, so that a cut keeps the failure, not just any.
 *
 * @example
 * failureKind(new SyntaxError('Bad escaped character in JSON at position 2'));
 * // 'SyntaxError: Bad escaped character in JSON at position N'
 */
export function failureKind(e: unknown): string {
  if (!(e instanceof Error)) return typeof e;
  const message = e.message.replace(/\d+/g, 'N');
  const cut = message.indexOf(':', message.startsWith('fuzz: ') ? 6 : 0);
  return `${e.name}: ${cut === -1 ? message.slice(0, 60) : message.slice(0, cut)}`;
}

/**
 * The failure kind of `check(input)`, or null when it passes.
 *
 * @example
 * failureOf(JSON.parse, '{'); // 'SyntaxError: Expected property name or \'}\' in JSON at position N …'
 */
export function failureOf(check: (input: string) => void, input: string): string | null {
  try {
    check(input);
    return null;
  } catch (e) {
    return failureKind(e);
  }
}

/**
 * The smallest input found, by removing pieces of `input`, for which `check` still fails the
 * same way; at most `maxTries` checks.
 *
 * @example
 * minimiseInput((s) => { if (s.includes('<')) throw new Error('x'); }, 'ab<cd'); // '<'
 */
export function minimiseInput(
  check: (input: string) => void,
  input: string,
  maxTries = 5_000,
): string {
  const kind = failureOf(check, input);
  if (kind === null) return input;
  let best = input;
  let tries = 0;
  let chunk = Math.max(1, Math.floor(best.length / 2));
  while (chunk >= 1 && tries < maxTries) {
    let removed = false;
    for (let at = 0; at < best.length && tries < maxTries;) {
      const candidate = best.slice(0, at) + best.slice(at + chunk);
      tries += 1;
      if (failureOf(check, candidate) === kind) {
        best = candidate;
        removed = true;
      } else at += chunk;
    }
    if (!removed) chunk = Math.floor(chunk / 2);
  }
  return best;
}
