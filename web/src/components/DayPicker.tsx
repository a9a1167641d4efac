import type { DayCount } from '../api/types.js';
import { navigate } from '../navigation.js';
import { hrefOf } from '../lib/routes.js';

/**
 * The filed days as a select, each with its entry count; choosing one opens that day on the
 * page given (the inbox or the digest).
 *
 * @example
 * <DayPicker page="digest" day="2024-03-06" days={days} />
 */
export function DayPicker(props: {
  page: 'inbox' | 'digest';
  day: string | null;
  days: readonly DayCount[];
}) {
  return (
    <label class="inline-label">
      日付{' '}
      <select
        value={props.day ?? ''}
        onChange={(event) =>
          navigate(hrefOf({ page: props.page, day: event.currentTarget.value || null }))
        }
      >
        {props.days.map((d) => (
          <option key={d.day} value={d.day}>
            {d.day} （{d.entries}件）
          </option>
        ))}
      </select>
    </label>
  );
}
