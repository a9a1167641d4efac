import { describe, expect, it } from 'vitest';
import { kirinuki } from './run-cli.js';

describe('kirinuki annotate', () => {
  it('shows each quote with its speaker and the reason for it, and names as terms', async () => {
    const text =
      '外相会談の後、ラブロフ外相は記者団に「対話の窓は開いている」と語った。会場は通称「緑の館」と呼ばれる。\n';
    const r = await kirinuki(['annotate', '-'], text);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /said\s+ラブロフ外相 .*「対話の窓は開いている」\s+\(topic of its clause\)/u,
    );
    expect(r.stdout).toMatch(/term\s+「緑の館」/u);
  });

  it('gives the reasons and the speaker kind as data with --json', async () => {
    const r = await kirinuki(['--json', 'annotate', '-'], '関係者は「撤退はない」と述べた。\n');
    expect(r.code).toBe(0);
    const [out] = JSON.parse(r.stdout) as { annotations: { quotes: Record<string, unknown>[] } }[];
    expect(out?.annotations.quotes[0]).toMatchObject({
      speaker: '関係者',
      speakerKind: 'unnamed',
      reasons: ['topic of its clause'],
    });
  });
});
