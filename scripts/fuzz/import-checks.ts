/** The properties every importer's result must have, whatever it was given. */
import { DiagnosticSchema, EntrySchema } from '../../src/model/index.js';
import type { ImportResult } from '../../src/ingest/index.js';
import { inventedMarkup, stringsOf } from './invented-markup.js';
import { expectThat } from './target.js';

/**
 * Checks an importer's result: every entry and diagnostic valid against the model's schemas,
 * every diagnostic message starting with its module, no entry holding markup its input did
 * not, no unexpected exception caught and turned into a diagnostic.
 *
 * @example
 * checkImport(html, extractEmbeds(html, 'fuzz.html'));
 */
export function checkImport(input: string, result: ImportResult): void {
  for (const entry of result.entries) {
    const parsed = EntrySchema.safeParse(entry);
    expectThat(parsed.success, `an entry fails the model's schema: ${parsed.error?.message ?? ''}`);
    const tag = inventedMarkup(input, stringsOf({ ...entry, id: '' }));
    expectThat(tag === null, `an entry holds markup its input did not: ${JSON.stringify(tag)}`);
  }
  for (const d of result.diagnostics) {
    expectThat(DiagnosticSchema.safeParse(d).success, `a diagnostic fails the model's schema`);
    expectThat(/^[a-z-]+: /.test(d.message), `a diagnostic names no module: ${d.message}`);
    expectThat(
      !/could not be read: /.test(d.message),
      `an exception was caught and turned into a diagnostic: ${d.message}`,
    );
  }
}
