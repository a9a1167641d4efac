import type { Suggestion } from '../api/types.js';

const LIKELY = 0.05;

/**
 * Proposed tags (with their scores and reasons) and the proposed summary line.
 *
 * @example
 *   <SuggestionView suggestion={suggestion} />
 */
export function SuggestionView(props: { suggestion: Suggestion; label?: string }) {
  const { suggestion } = props;
  // The tagger ranks every tag; those it gives next to no chance only add noise (they are
  // still under "Why").
  const likely = suggestion.tags.filter((tag, index) => index === 0 || tag.score >= LIKELY);
  return (
    <div class="suggestion" aria-label={props.label ?? 'Suggestion'}>
      {likely.length > 0 ? (
        <ul class="suggested-tags" aria-label="Suggested tags">
          {likely.map((tag) => (
            <li key={tag.tag} title={tag.reasons.join('\n')}>
              <span class="tag-name">#{tag.tag}</span>{' '}
              <span class="score">{tag.score.toFixed(2)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No tag to suggest.</p>
      )}
      {suggestion.line !== null ? (
        <p class="proposed-line">
          <span class="visually-hidden">Proposed line: </span>
          {suggestion.line}
        </p>
      ) : (
        <p class="muted">No summary line to propose.</p>
      )}
      {suggestion.lineReasons.length > 0 ||
      suggestion.tags.some((tag) => tag.reasons.length > 0) ? (
        <details class="reasons">
          <summary>Why</summary>
          <ul>
            {suggestion.tags.map((tag) => (
              <li key={tag.tag}>
                #{tag.tag} ({tag.score.toFixed(2)}): {tag.reasons.join(' · ') || '—'}
              </li>
            ))}
            {suggestion.lineReasons.map((reason, index) => (
              <li key={`line-${index}`}>{reason}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
