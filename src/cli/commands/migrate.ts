import { writeJson, type CommandContext } from '../context.js';
import { UsageError } from '../io.js';

/**
 * `kirinuki migrate`: brings the archive's schema up to date — a PostgreSQL database
 * (`--db postgres://…`) or a SQLite file — and says which version it is at. Idempotent: a
 * second run applies nothing. For PostgreSQL this is the step a deployment runs once before
 * starting servers and workers; a SQLite file is also migrated whenever it is opened.
 *
 * @example
 * await migrateCommand(ctx); // "migrate: postgres://kirinuki@db/k is at schema version 1 (applied 1)"
 */
export async function migrateCommand(ctx: CommandContext): Promise<number> {
  const location = await ctx.archivePath();
  const { isPostgresUrl, migratePostgresArchive, MIGRATIONS, PgConnectError, redactArchiveUrl } =
    await import('../../archive/index.js');
  let report: { backend: string; location: string; version: number; applied: number[] | null };
  if (isPostgresUrl(location)) {
    try {
      const r = migratePostgresArchive(location.trim());
      report = { backend: 'postgres', location: redactArchiveUrl(location), ...r };
    } catch (e) {
      if (e instanceof PgConnectError)
        throw new UsageError(`migrate: ${e.message.replace(/^archive: /, '')}`);
      throw e;
    }
  } else {
    // Opening a SQLite archive migrates it (applied: null, as it does not say what it applied).
    await ctx.openArchive();
    const version = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
    report = { backend: 'sqlite', location, version, applied: null };
  }
  if (ctx.json) writeJson(ctx.io, report);
  else {
    const applied =
      report.applied === null
        ? ''
        : report.applied.length > 0
          ? ` (applied ${report.applied.join(', ')})`
          : ' (nothing to apply)';
    ctx.io.stdout.write(
      `migrate: ${report.location} is at schema version ${report.version}${applied}\n`,
    );
  }
  return 0;
}
