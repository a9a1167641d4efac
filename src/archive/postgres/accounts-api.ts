/**
 * What the account store gives the rest of kirinuki (through `archive/index.ts`): the store,
 * its users and roles, and the audit records of edits.
 */
export {
  ACCOUNT_ROLES,
  AccountStore,
  AuditAuthorGone,
  nameProblem as accountNameProblem,
  passwordProblem as accountPasswordProblem,
  type AccountRole,
  type AccountSession,
  type AccountStoreOptions,
  type AccountUser,
  type AuditAction,
  type AuditedEdit,
  type AuditInput,
  type AuditRecord,
  type AuditState,
} from './accounts.js';
