import { parseClipDocument } from '../../format/index.js';
import { formatDiagnostic } from '../../model/index.js';
import { writeJson, type CommandContext } from '../context.js';
import { readTextInput } from '../io.js';

/** `kirinuki parse FILE|-`: a clip document as JSON; warnings on stderr. */
export async function parseCommand(ctx: CommandContext, file: string): Promise<number> {
  const text = await readTextInput(ctx.io, file);
  if (text === null) return 1;
  const { document, diagnostics } = parseClipDocument(text, { file });
  for (const d of diagnostics) ctx.io.stderr.write(`${formatDiagnostic(d)}\n`);
  writeJson(ctx.io, document);
  return 0;
}
