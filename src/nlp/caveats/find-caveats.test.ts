import { describe, expect, it } from 'vitest';
import { annotate } from '../annotate.js';
import { loadKnowledge } from '../knowledge/index.js';

const knowledge = loadKnowledge();
const caveats = (text: string) =>
  annotate(text, { knowledge }).caveats.map((c) => ({
    kind: c.kind,
    claim: text.slice(c.claim.start, c.claim.end),
    claimSource: c.claimSource,
    verifier: c.verifier,
  }));

describe('findCaveats', () => {
  it('attaches an outlet that could not verify to the claim before it and its source', () => {
    const text =
      '人権団体「OVDインフォ」によると、約20人が拘束された。CNNはこの数字を独自に検証することはできない。';
    expect(caveats(text)).toEqual([
      {
        kind: 'unverified',
        claim: '人権団体「OVDインフォ」によると、約20人が拘束された。',
        claimSource: 'OVDインフォ',
        verifier: 'CNN',
      },
    ]);
  });

  it('tells the claimant of a no-evidence caveat and carries it to the next caveat on the same claim', () => {
    const text =
      'ロシア国防省は17日、攻撃を実施したと発表した。発表によると、60人以上が死亡したという。国防省は証拠を示していない。ロイターは発表内容を確認できていない。';
    const r = caveats(text);
    expect(r.map((c) => [c.kind, c.claim, c.claimSource, c.verifier])).toEqual([
      ['no-evidence', '発表によると、60人以上が死亡したという。', '国防省', null],
      ['unverified', '発表によると、60人以上が死亡したという。', '国防省', 'ロイター'],
    ]);
  });

  it('takes the clause before が、 as the claim when the caveat shares its sentence', () => {
    const [c] = caveats(
      'ウクライナ軍は無人機40機を撃墜したとしているが、ロイターは確認できていない。',
    );
    expect(c?.claim).toBe('ウクライナ軍は無人機40機を撃墜したとしているが');
    expect(c?.claimSource).toBe('ウクライナ軍');
  });
});
