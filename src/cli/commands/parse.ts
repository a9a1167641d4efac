import { decodeUtf8, parseClipDocument } from '../../format/index.js';
import { formatDiagnostic } from '../../model/index.js';
import { writeJson, type CommandContext } from '../context.js';
import { readInput } from '../io.js';

/** `kirinuki parse FILE|-`: a clip document as JSON; warnings on stderr. */
export async function parseCommand(ctx: CommandContext, file: string): Promise<number> {
  const text = decodeUtf8(await readInput(ctx.io, file), file);
  if (!text.ok) {
    ctx.io.stderr.write(`${formatDiagnostic(text.error)}\n`);
    return 1;
  }
  const { document, diagnostics } = parseClipDocument(text.value, { file });
  for (const d of diagnostics) ctx.io.stderr.write(`${formatDiagnostic(d)}\n`);
  writeJson(ctx.io, document);
  return 0;
}
