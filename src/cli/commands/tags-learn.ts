import { documentEntries, formatDiagnostic } from '../../model/index.js';
import { learnCuratorTags, tagStoreLocation } from '../../pipeline/index.js';
import { writeJson, type CommandContext } from '../context.js';
import { readClipInput } from '../io.js';
import { loadCliKnowledge } from '../knowledge.js';
import { cliTagStorePaths } from '../tagger.js';

/**
 * `kirinuki tags learn FILE|-`: the curator's tags of a clip document's summarised entries
 * (suggestions accepted as they were, or retagged) learned into the stored model at once,
 * without retraining, so the next `suggest` already shows them.
 */
export async function tagsLearnCommand(
  ctx: CommandContext,
  file: string,
  opts: { taxonomy?: string; knowledge?: string[] },
): Promise<number> {
  const document = await readClipInput(ctx.io, file);
  if (document === null) return 1;
  const knowledge = await loadCliKnowledge(ctx.io, opts.knowledge);
  const paths = await cliTagStorePaths(ctx, opts.taxonomy);
  const r = learnCuratorTags(await ctx.openArchive(), paths, knowledge, documentEntries(document));
  if (!r.ok) {
    for (const d of r.error) ctx.io.stderr.write(`${formatDiagnostic(d)}\n`);
    return 1;
  }
  const { learned, corrected, newTags, source } = r.value;
  if (ctx.json)
    writeJson(ctx.io, { learned, corrected, newTags, model: tagStoreLocation(paths, 'model') });
  else {
    const fresh = newTags.length > 0 ? `; new tags: ${newTags.join(', ')}` : '';
    ctx.io.stdout.write(
      `tags: learned ${learned} entries (${corrected} retagged, ${learned - corrected} accepted)${fresh}; model updated\n`,
    );
  }
  if (source === 'trained')
    ctx.io.stderr.write('tags: no tag model yet: trained one from the archive first\n');
  if (learned === 0) ctx.io.stderr.write('tags: no entry of the document has a summary line\n');
  return 0;
}
