import type { Context } from 'hono';
import {
  AuditAuthorGone,
  hasAuditedTransactions,
  type AuditAction,
  type AuditInput,
  type AuditState,
} from '../archive/index.js';
import { KirinukiError } from '../model/index.js';
import type { ServerDeps } from './context.js';
import { ApiError } from './errors.js';
import { currentUser } from './login-guard.js';

/** What the audit keeps of an entry: its summary lines and tags (as its card shows them). */
export interface AuditedCard {
  id: string;
  summaryLines: readonly string[];
  tags: readonly string[];
}

/** One change of an entry, before the logged-in user is added. */
export interface AuditChange {
  action: AuditAction;
  entryId: string;
  before: AuditState | null;
  after: AuditState | null;
}

/**
 * An entry card as an audit state, with its place in the day's order when given.
 *
 * @example
 * auditState(card); // { summaryLines: ['#停戦(…)'], tags: ['停戦'] }
 */
export function auditState(card: AuditedCard, position?: number): AuditState {
  return {
    summaryLines: [...card.summaryLines],
    tags: [...card.tags],
    ...(position === undefined ? {} : { position }),
  };
}

/** What an audited edit gives back: its result, and the changes to write to the audit log. */
export interface AuditedResult<T> {
  value: T;
  changes: readonly AuditChange[];
}

/**
 * Runs an edit of the archive with its audit records, as the user logged in for this request;
 * on a server without accounts there is no log and the edit simply runs. The edit may throw
 * (an `ApiError` for a refusal): then no record is kept.
 *
 * On an archive that offers `AuditedTransactions` the edit and its records are one transaction
 * of the archive: both are stored or neither. Otherwise the account store checks the author
 * (locked against removal) before the edit and commits the records right after it
 * (`AccountStore.auditedEdit`). Either way a user removed while the request was on its way
 * gets 401 and nothing is saved.
 *
 * @example
 * const card = audited(deps, c, () => {
 *   const r = editEntry(deps.archive, id, lines, options);
 *   if (!r.ok) throw curateError(r.error);
 *   return { value: r.value, changes: [{ action: 'edit', entryId: id, before, after: auditState(r.value) }] };
 * });
 */
export function audited<T>(deps: ServerDeps, c: Context, edit: () => AuditedResult<T>): T {
  const accounts = deps.accounts;
  if (accounts === null) return edit().value;
  const user = currentUser(c);
  // loginGuard lets no state-changing request through without a user; a route that audits
  // without one is a bug, not a request to refuse.
  if (user === null) throw new KirinukiError('server', 'an audited edit without a logged-in user');
  const records = (changes: readonly AuditChange[]): AuditInput[] =>
    changes.map((change) => ({ ...change, user: user.name }));
  const archive = deps.archive;
  try {
    if (hasAuditedTransactions(archive))
      return archive.transaction(() => {
        const done = edit();
        archive.recordAudit(records(done.changes));
        return done.value;
      });
    return accounts.auditedEdit(user.name, () => {
      const done = edit();
      return { value: done.value, records: records(done.changes) };
    });
  } catch (e) {
    if (e instanceof AuditAuthorGone)
      throw new ApiError('unauthorized', `${e.message}: log in with another account`);
    throw e;
  }
}

/**
 * The audit records of a reorder: one for each entry whose place changed, old and new place.
 *
 * @example
 * reorderChanges(['a', 'b'], [cardB, cardA]); // two records, positions 1 → 2 and 2 → 1
 */
export function reorderChanges(
  before: readonly string[],
  after: readonly AuditedCard[],
): AuditChange[] {
  return after.flatMap((card, i) => {
    const was = before.indexOf(card.id);
    if (was === i) return [];
    return [
      {
        action: 'reorder' as const,
        entryId: card.id,
        before: auditState(card, was + 1),
        after: auditState(card, i + 1),
      },
    ];
  });
}
