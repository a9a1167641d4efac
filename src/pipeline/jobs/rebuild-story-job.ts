import type { DerivedData } from '../../archive/index.js';
import { groupStories, identityOf } from '../../ingest/index.js';
import type { JobOutcome, StoryJob } from '../../queue/index.js';
import { entryPeople } from '../entry-people.js';
import type { JobContext } from './job-context.js';

/**
 * A story job: the members of one story judged again among themselves (after their texts were
 * edited, or the story thresholds changed), with their identity keys and people derived again.
 * The part that holds the story's first entry keeps the story's id; a member no longer similar
 * to it leaves, as a story of its own or with the members still similar to it. Idempotent: the
 * same members give the same grouping. A story that no longer exists (merged into another) is
 * nothing to do.
 *
 * @example
 * const r = await rebuildStoryJob({ kind: 'story', story: 'a1b2c3' }, { archive, knowledge });
 * if (r.ok) r.value.left; // members that left the story
 */
export async function rebuildStoryJob(job: StoryJob, context: JobContext): Promise<JobOutcome> {
  const members = context.archive.entriesOfStory(job.story).map((s) => s.entry);
  const byId = new Map(members.map((e) => [e.id, e]));
  const groups = groupStories(members);
  const rows: DerivedData[] = [];
  let left = 0;
  for (const group of groups) {
    const story = group.entryIds.includes(job.story) ? job.story : group.id;
    for (const id of group.entryIds) {
      const entry = byId.get(id);
      if (!entry) continue;
      if (story !== job.story) left += 1;
      rows.push({
        id,
        keys: identityOf(entry).keys,
        story,
        ...(context.knowledge ? { people: entryPeople(entry, context.knowledge) } : {}),
      });
    }
  }
  if (rows.length > 0) context.archive.updateDerived(rows);
  return { ok: true, value: { story: job.story, entries: members.length, left } };
}
