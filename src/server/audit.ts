import type { Context } from 'hono';
import type { AuditAction, AuditState } from '../archive/index.js';
import { KirinukiError } from '../model/index.js';
import type { ServerDeps } from './context.js';
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

/**
 * Writes the changes of an edit to the audit log with the user logged in for this request; on a
 * server without accounts there is no log and nothing is written. Called after the edit is
 * stored: the account store has its own connection, so the two are not one transaction.
 *
 * @example
 * audit(deps, c, [{ action: 'edit', entryId, before: auditState(old), after: auditState(now) }]);
 */
export function audit(deps: ServerDeps, c: Context, changes: readonly AuditChange[]): void {
  if (deps.accounts === null) return;
  const user = currentUser(c);
  // loginGuard lets no state-changing request through without a user; a route that audits
  // without one is a bug, not a request to refuse.
  if (user === null) throw new KirinukiError('server', 'an audited edit without a logged-in user');
  deps.accounts.recordAudit(changes.map((change) => ({ ...change, user: user.name })));
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
