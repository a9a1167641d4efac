import { formatDiagnostic } from '../../model/index.js';
import { importFiles, sourceFilesAt, type SourceFile } from '../../pipeline/index.js';
import { writeJson, type CommandContext } from '../context.js';
import { readFailure, UsageError } from '../io.js';
import { loadCliKnowledge } from '../knowledge.js';
import { describeReport } from '../describe-report.js';
import { startProgress } from '../progress.js';
import { dayOption } from '../options.js';

/** Progress bars appear past this much input. */
const LARGE_INPUT_BYTES = 4 * 1024 * 1024;

/**
 * `kirinuki import FILE...`: clip documents, blog archives (Movable Type, WXR), feeds, article
 * pages, Telegram exports, embeds or pastes into the archive, one transaction per file.
 */
export async function importCommand(
  ctx: CommandContext,
  paths: string[],
  opts: { day?: string; storyDays: string },
): Promise<number> {
  if (opts.day !== undefined) dayOption(opts.day, 'import', '--day');
  const storyDays = Number(opts.storyDays);
  if (!Number.isInteger(storyDays) || storyDays < 0)
    throw new UsageError(
      `import: --story-days must be a whole number of days, got "${opts.storyDays}"`,
    );
  const files = sourceFiles(ctx, paths);
  const size = files.reduce((n, f) => n + f.bytes.length, 0);
  const progress = startProgress(
    ctx.io,
    files.length,
    size > LARGE_INPUT_BYTES || files.length > 20,
  );
  const knowledge = await loadCliKnowledge(ctx.io);
  const archive = await ctx.openArchive();
  const summary = importFiles(archive, files, {
    today: new Date().toISOString().slice(0, 10),
    knowledge,
    storyWindowDays: storyDays,
    ...(opts.day === undefined ? {} : { day: opts.day }),
    onFile: (done, total, name) => progress.update(done, total, `files | ${name}`),
    onPosts: (done, total, name) => progress.update(done, total, `posts | ${name}`),
  });
  progress.stop();
  for (const d of summary.diagnostics) ctx.io.stderr.write(`${formatDiagnostic(d)}\n`);
  if (ctx.json) writeJson(ctx.io, summary);
  else
    for (const f of summary.files)
      ctx.io.stdout.write(
        f.report
          ? `${f.file}: ${describeReport(f.report)} (${f.format}; ${f.days.join(', ')})\n`
          : `${f.file}: not imported\n`,
      );
  return summary.files.some((f) => f.report === null) ? 1 : 0;
}

/**
 * Files as given; a folder stands for the files in it that kirinuki reads (the others are
 * named on stderr as skipped). Read now: the CLI's import is one pass.
 */
function sourceFiles(ctx: CommandContext, paths: string[]): SourceFile[] {
  return paths.flatMap((p) => {
    const found = sourceFilesAt(p);
    if (!found.ok) throw new UsageError(`import: no such file: ${p}`);
    for (const s of found.value.skipped)
      ctx.io.stderr.write(`import: skipped ${s.name}: ${s.reason}\n`);
    return found.value.files.map((f) => ({ name: f.name, bytes: readSource(f.name, f.read) }));
  });
}

function readSource(name: string, read: () => Uint8Array): Uint8Array {
  try {
    return read();
  } catch (e) {
    throw new UsageError(`import: cannot read ${name}: ${readFailure(e)}`);
  }
}
