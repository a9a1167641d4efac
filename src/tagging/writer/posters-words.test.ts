import { describe, expect, it } from 'vitest';
import {
  article,
  outletAnnotations,
  quoteOf,
  WRITING_RULES,
} from '../../../test/fixtures/writer.js';
import { postersWords } from './posters-words.js';
import { proposeSummaryLine } from './propose.js';
import { DEFAULT_SUMMARY_STYLE } from './style.js';

// A made-up commentary post: a sentence about a party, then the poster's own conclusion, which
// an annotator carried over to the party.
const { entry, text } = article('選挙の後で', [
  '青年党は公約を次々に撤回した。',
  'つまり最初から守る気などなかったという事だ。',
]);
const conclusion = quoteOf(text, 'つまり最初から守る気などなかった', {
  kind: 'indirect',
  speaker: '青年党',
  canonical: '青年党',
  attribution: 'carried',
});
const individual = { kind: 'individual' as const, outlet: null, reasons: [] };
const outlet = { kind: 'outlet' as const, outlet: null, reasons: [] };

describe('postersWords', () => {
  it('gives a commentary post’s carried-over conclusion back to the poster', () => {
    expect(postersWords([conclusion], individual)[0]).toMatchObject({
      speaker: null,
      canonical: null,
      attribution: 'unknown',
    });
  });

  it('keeps a carried speaker who is quoted in the post by name as well', () => {
    const named = quoteOf(text, '青年党は公約を次々に撤回した', {
      kind: 'indirect',
      speaker: '青年党',
      canonical: '青年党',
    });
    expect(postersWords([named, conclusion], individual)[1]).toBe(conclusion);
  });

  it('leaves an outlet’s report as it is', () => {
    expect(postersWords([conclusion], outlet)[0]).toBe(conclusion);
  });

  it('makes the line credit the account, not the party', () => {
    const annotations = { ...outletAnnotations([conclusion]), source: individual };
    const style = { ...DEFAULT_SUMMARY_STYLE, contextShare: 0 };
    const line = proposeSummaryLine(entry, annotations, '政局', WRITING_RULES, style);
    expect(line.raw).toBe('#政局(通信社「つまり最初から守る気などなかった」)');
  });
});
