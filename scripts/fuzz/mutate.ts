/**
 * Structure-aware mutation: a valid-looking document, then a few edits that break it the way
 * real input breaks — a piece cut out, repeated, a token of the format dropped in where it does
 * not belong, the end cut off. Positions are naturals taken modulo the length, so fast-check
 * shrinks a failure to few, early edits of a short document.
 */
import fc from 'fast-check';

/** One edit of a text; `at` and `length` are reduced modulo the text's length when applied. */
export type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number; times: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'swap'; at: number; other: number; length: number };

/**
 * Applies edits in order.
 *
 * @example
 * applyMutations('abcdef', [{ kind: 'delete', at: 1, length: 2 }]); // 'adef'
 */
export function applyMutations(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = m.at % (out.length + 1);
    switch (m.kind) {
      case 'insert':
        out = out.slice(0, at) + m.text + out.slice(at);
        break;
      case 'delete':
        out = out.slice(0, at) + out.slice(at + m.length);
        break;
      case 'repeat': {
        const piece = out.slice(at, at + m.length);
        out = out.slice(0, at) + piece.repeat(m.times) + out.slice(at + piece.length);
        break;
      }
      case 'truncate':
        out = out.slice(0, at);
        break;
      case 'swap': {
        const other = m.other % (out.length + 1);
        const [a, b] = at < other ? [at, other] : [other, at];
        const len = Math.min(m.length, b - a);
        out =
          out.slice(0, a) +
          out.slice(b, b + len) +
          out.slice(a + len, b) +
          out.slice(a, a + len) +
          out.slice(b + len);
        break;
      }
    }
  }
  return out;
}

/**
 * Edits for a format: `tokens` are its own pieces of syntax (`<item>`, `"`, `— `), inserted
 * more often than random characters, because a parser's edge cases sit at its syntax.
 *
 * @example
 * fc.sample(mutationsOf(['<', '>']), 1); // [[{ kind: 'insert', at: 12, text: '<' }]]
 */
export function mutationsOf(tokens: readonly string[], maxMutations = 4): fc.Arbitrary<Mutation[]> {
  const at = fc.nat({ max: 100_000 });
  const length = fc.nat({ max: 64 });
  const insertText = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...tokens) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  );
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({ kind: fc.constant('insert' as const), at, text: insertText }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at, length }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('repeat' as const),
        at,
        length,
        times: fc.integer({ min: 2, max: 20 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('swap' as const), at, other: at, length }),
    },
  );
  return fc.array(mutation, { minLength: 1, maxLength: maxMutations });
}

/**
 * The inputs a parser is fuzzed with: mostly mutated valid-looking documents, some left valid
 * (the happy path must hold too), a few random strings of the same tokens and of any code units.
 *
 * @example
 * const feeds = fuzzInputs(rssDocument, ['<item>', '</item>', '<', '&']);
 */
export function fuzzInputs(
  valid: fc.Arbitrary<string>,
  tokens: readonly string[],
): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.tuple(valid, mutationsOf(tokens)).map(([t, m]) => applyMutations(t, m)),
    },
    { weight: 2, arbitrary: valid },
    { weight: 1, arbitrary: joined(tokens, 40) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  );
}

/**
 * A string of `pieces` glued in any order.
 *
 * @example
 * fc.sample(joined(['<p>', 'あ'], 4), 1); // ['あ<p>あ']
 */
export function joined(pieces: readonly string[], maxLength = 12): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...pieces), { maxLength }).map((a) => a.join(''));
}
