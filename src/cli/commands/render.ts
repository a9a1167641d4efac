import { renderClipDocument } from '../../format/index.js';
import { DocumentSchema } from '../../model/index.js';
import type { CommandContext } from '../context.js';
import { readTextInput } from '../io.js';

/** `kirinuki render FILE|-`: the JSON of `parse` back to the exact text. */
export async function renderCommand(ctx: CommandContext, file: string): Promise<number> {
  const text = await readTextInput(ctx.io, file);
  if (text === null) return 1;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    ctx.io.stderr.write(`render: ${file}: not JSON: ${(e as Error).message}\n`);
    return 1;
  }
  const doc = DocumentSchema.safeParse(json);
  if (!doc.success) {
    const issue = doc.error.issues[0];
    ctx.io.stderr.write(
      `render: ${file}: not a kirinuki document at ${issue?.path.join('.') || '(root)'}: ${issue?.message}\n`,
    );
    return 1;
  }
  ctx.io.stdout.write(renderClipDocument(doc.data));
  return 0;
}
