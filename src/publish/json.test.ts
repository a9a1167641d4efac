import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { exampleDay, sampleDays } from '../../test/fixtures/digest-days.js';
import type { Entry } from '../model/index.js';
import { documentTags, entryView, type DigestDay } from './digest-day.js';
import { digestJson, digestJsonSchemaText, DigestJsonSchema } from './json.js';

const schemaPath = fileURLToPath(new URL('../../docs/digest.schema.json', import.meta.url));
const committed = readFileSync(schemaPath, 'utf8');
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(committed));

/** The sample days, the first entry of each captured as an embed so its status URL is known. */
function daysToCheck(): DigestDay[] {
  const samples = sampleDays().map((day) => {
    const [head, ...rest] = day.entries;
    if (head === undefined || head.post === null) return day;
    const url = `https://x.com/${head.post.handle}/status/1764551234567890123`;
    return { ...day, entries: [{ ...head, origin: { kind: 'embed' as const, url } }, ...rest] };
  });
  const example = exampleDay();
  return example === null ? samples : [...samples, example];
}

describe('docs/digest.schema.json', () => {
  it('is what scripts/write-digest-schema.ts writes from DigestJsonSchema', () => {
    expect(committed).toBe(digestJsonSchemaText());
  });

  it('rejects what is not a digest day', () => {
    const good = digestJson(sampleDays()[0] as DigestDay);
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, day: '4 March 2024' })).toBe(false);
    expect(
      validate({ ...good, entries: [{ ...good.entries[0], summaries: [{ raw: '#x()' }] }] }),
    ).toBe(false);
    expect(validate({ ...good, links: undefined })).toBe(false);
    expect(validate({ ...good, extra: 1 })).toBe(false);
  });
});

describe('digestJson', () => {
  for (const day of daysToCheck())
    it(`gives the day ${day.day} as data valid against the committed schema and zod`, () => {
      const json = digestJson(day);
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
      expect(DigestJsonSchema.safeParse(json).success).toBe(true);
      expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    });

  for (const day of daysToCheck())
    it(`keeps every entry, line, link, tag and speaker of ${day.day}`, () => {
      const json = digestJson(day);
      expect(json.day).toBe(day.day);
      expect(json.tagLines).toEqual(day.documentTagLines);
      expect(json.documentTags).toEqual(documentTags(day));
      expect(json.entries).toHaveLength(day.entries.length);
      day.entries.forEach((entry: Entry, i) => {
        const view = entryView(entry);
        const out = json.entries[i];
        expect(out?.id).toBe(entry.id);
        expect(out?.body).toEqual(entry.body);
        expect(out?.summaries.map((s) => s.raw)).toEqual(entry.summaries.map((s) => s.raw));
        expect(out?.summaries.map((s) => s.segments)).toEqual(
          entry.summaries.map((s) => s.segments),
        );
        expect(out?.tags).toEqual(view.tags);
        expect(out?.post?.text ?? []).toEqual(view.postLines);
        expect(out?.post?.statusUrl ?? null).toBe(entry.post === null ? null : view.statusUrl);
        const speakers = entry.summaries.flatMap((s) =>
          s.segments.flatMap((seg) =>
            seg.kind === 'quote' && seg.speaker !== null ? [seg.speaker] : [],
          ),
        );
        expect(out?.speakers).toEqual([...new Set(speakers)]);
        for (const link of [view.statusUrl, view.articleUrl, ...view.postLinks])
          if (link !== null) {
            expect(out?.links).toContain(link);
            expect(json.links).toContain(link);
          }
      });
      expect(new Set(json.links).size).toBe(json.links.length);
    });

  it('gives a captured post its status URL', () => {
    const day = daysToCheck()[0] as DigestDay;
    const post = digestJson(day).entries[0]?.post;
    expect(post?.statusUrl).toMatch(/^https:\/\/x\.com\/\w+\/status\/1764551234567890123$/);
  });
});
