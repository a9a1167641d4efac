import { writeJson, type CommandContext } from '../context.js';
import { readClipInput } from '../io.js';

/** `kirinuki parse FILE|-`: a clip document as JSON; warnings on stderr. */
export async function parseCommand(ctx: CommandContext, file: string): Promise<number> {
  const document = await readClipInput(ctx.io, file);
  if (document === null) return 1;
  writeJson(ctx.io, document);
  return 0;
}
