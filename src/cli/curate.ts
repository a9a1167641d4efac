import type { CurateError, CurateOptions, EntryCard } from '../pipeline/index.js';
import type { CommandContext } from './context.js';
import { loadCliKnowledge } from './knowledge.js';
import { cliTagStorePaths } from './tagger.js';

/** What the curator's commands (`edit`, `accept`) take besides the entry. */
export interface CurateCommandOptions {
  taxonomy?: string;
  knowledge?: string[];
}

/** The tag store beside the archive and the annotation knowledge, for teaching the tagger. */
export async function curateOptions(
  ctx: CommandContext,
  opts: CurateCommandOptions,
): Promise<CurateOptions> {
  return {
    paths: await cliTagStorePaths(ctx, opts.taxonomy),
    knowledge: await loadCliKnowledge(ctx.io, opts.knowledge),
  };
}

/** Prints why a curator's verb was refused, under the command's name; exit code 1. */
export function refused(ctx: CommandContext, command: string, error: CurateError): number {
  ctx.io.stderr.write(`${error.message.replace(/^pipeline: /u, `${command}: `)}\n`);
  return 1;
}

/** The card's summary lines as a curator checks them after a change. */
export function cardSummary(card: EntryCard): string {
  const lines = card.summaryLines.length > 0 ? card.summaryLines : ['(no summary lines)'];
  return `${card.id}  ${card.headline}\n${lines.map((l) => `  ${l}\n`).join('')}`;
}
