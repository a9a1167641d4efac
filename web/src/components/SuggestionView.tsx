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
  // still under 提案の理由).
  const likely = suggestion.tags.filter((tag, index) => index === 0 || tag.score >= LIKELY);
  return (
    <div class="suggestion" aria-label={props.label ?? '提案'}>
      {likely.length > 0 ? (
        <ul class="suggested-tags" aria-label="提案タグ">
          {likely.map((tag) => (
            <li key={tag.tag} title={tag.reasons.join('\n')}>
              <span class="tag-name">#{tag.tag}</span>{' '}
              <span class="score">{tag.score.toFixed(2)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">提案できるタグはありません。</p>
      )}
      {suggestion.line !== null ? (
        <p class="proposed-line">
          <span class="visually-hidden">提案行：</span>
          {suggestion.line}
        </p>
      ) : (
        <p class="muted">提案できる要約行はありません。</p>
      )}
      {suggestion.lineReasons.length > 0 ||
      suggestion.tags.some((tag) => tag.reasons.length > 0) ? (
        <details class="reasons">
          <summary>提案の理由</summary>
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
