import type { AuditRecord } from '../api/types.js';

/** One line of a change as the history shows it: taken out, put in, or a move in the order. */
export type HistoryLine =
  | { kind: 'removed'; text: string }
  | { kind: 'added'; text: string }
  | { kind: 'moved'; from: number; to: number };

const ACTION_LABELS: Record<AuditRecord['action'], string> = {
  edit: '要約行を編集',
  accept: '提案を採用',
  drop: '削除',
  reorder: '並べ替え',
};

/**
 * What a change did, in words: the action's label.
 *
 * @example
 *   actionLabel('edit'); // '要約行を編集'
 */
export function actionLabel(action: AuditRecord['action']): string {
  return ACTION_LABELS[action];
}

/**
 * The lines a change took out and put in (a line kept is not shown), and for a reorder the
 * entry's old and new place.
 *
 * @example
 *   historyLines({ before: { summaryLines: ['#a'], tags: [] }, after: { summaryLines: ['#b'], tags: [] } });
 *   // [{ kind: 'removed', text: '#a' }, { kind: 'added', text: '#b' }]
 */
export function historyLines(record: Pick<AuditRecord, 'before' | 'after'>): HistoryLine[] {
  const before = record.before?.summaryLines ?? [];
  const after = record.after?.summaryLines ?? [];
  const lines: HistoryLine[] = [
    ...before.filter((l) => !after.includes(l)).map((text) => ({ kind: 'removed' as const, text })),
    ...after.filter((l) => !before.includes(l)).map((text) => ({ kind: 'added' as const, text })),
  ];
  const from = record.before?.position;
  const to = record.after?.position;
  if (from !== undefined && to !== undefined && from !== to)
    lines.push({ kind: 'moved', from, to });
  return lines;
}

/**
 * When a change was made, in the reader's time zone: `2026/12/06 14:03`.
 *
 * @example
 *   changedAt('2026-12-06T05:03:00.000Z'); // '2026/12/06 14:03' in Tokyo
 */
export function changedAt(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}/${two(d.getMonth() + 1)}/${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
