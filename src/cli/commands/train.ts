import { formatDiagnostic } from '../../model/index.js';
import { tagStoreLocation, trainAndStoreTags } from '../../pipeline/index.js';
import { writeJson, type CommandContext } from '../context.js';
import { loadCliKnowledge } from '../knowledge.js';
import { cliTagStorePaths } from '../tagger.js';

/**
 * `kirinuki train`: rebuilds the tag model and the summary style from every labelled entry of
 * the archive and stores them beside it.
 */
export async function trainCommand(
  ctx: CommandContext,
  opts: { taxonomy?: string; knowledge?: string[] },
): Promise<number> {
  const knowledge = await loadCliKnowledge(ctx.io, opts.knowledge);
  const paths = await cliTagStorePaths(ctx, opts.taxonomy);
  const r = trainAndStoreTags(await ctx.openArchive(), paths, knowledge);
  if (!r.ok) {
    for (const d of r.error) ctx.io.stderr.write(`${formatDiagnostic(d)}\n`);
    return 1;
  }
  const { model, entries, labelled } = r.value;
  if (ctx.json)
    writeJson(ctx.io, {
      tags: model.tags,
      entries,
      labelled,
      model: tagStoreLocation(paths, 'model'),
      style: tagStoreLocation(paths, 'style'),
    });
  else {
    ctx.io.stdout.write(
      `train: ${model.tags.length} tags learned from ${labelled} labelled entries (of ${entries})\n`,
    );
    ctx.io.stdout.write(
      `train: model ${tagStoreLocation(paths, 'model')}\ntrain: style ${tagStoreLocation(paths, 'style')}\n`,
    );
  }
  if (labelled === 0)
    ctx.io.stderr.write('train: no labelled entries: the model knows the taxonomy only\n');
  return 0;
}
