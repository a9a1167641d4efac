/** What the fuzzer needs to know of one parser. */
import type fc from 'fast-check';

/** An input built to be expensive for a parser, at any size. */
export interface WorstPattern {
  /** How the input is made, as a reader of the report sees it: `'<item ' × N`. */
  name: string;
  /** The input, about `size` characters long. */
  make: (size: number) => string;
}

export interface FuzzTarget {
  /** `--only` name: `clip`, `feed`, … */
  name: string;
  /** Where the parser lives, for the report. */
  module: string;
  /** Structure-aware inputs: valid-looking documents, mutated. */
  input: fc.Arbitrary<string>;
  /** Parses `input`, nothing else: what the time checks measure. */
  parse: (input: string) => unknown;
  /**
   * Parses `input` and checks the properties; throws a `PropertyViolation` when one fails. An
   * exception from the parser itself escapes as it is: that is the crash being looked for.
   */
  check: (input: string) => void;
  /** The inputs known to be expensive for this parser, timed at growing sizes. */
  worst: WorstPattern[];
  /** This parser's share of the cases of a run (the shares add up to 1). */
  share: number;
}

/** A property of the parser's output that does not hold (as opposed to a crash). */
export class PropertyViolation extends Error {
  constructor(message: string) {
    super(`fuzz: ${message}`);
    this.name = 'PropertyViolation';
  }
}

/**
 * Throws a `PropertyViolation` with `message` unless `holds`.
 *
 * @example
 * expectThat(render(doc) === text, 'render(parse(x)) !== x');
 */
export function expectThat(holds: boolean, message: string): asserts holds {
  if (!holds) throw new PropertyViolation(message);
}

/**
 * `unit` repeated to about `size` characters, between `head` and `tail`.
 *
 * @example
 * repeatTo(10, 'ab', '<', '>'); // '<ababababab>'
 */
export function repeatTo(size: number, unit: string, head = '', tail = ''): string {
  const room = Math.max(unit.length, size - head.length - tail.length);
  return head + unit.repeat(Math.ceil(room / unit.length)) + tail;
}
