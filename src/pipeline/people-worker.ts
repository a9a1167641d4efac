/**
 * The annotation worker of {@link startPeoplePool} (people-pool.ts): compiles the knowledge it
 * is started with, then answers each request — entries — with who each one quotes and
 * mentions (`entryPeople`). Runs in a worker thread; nothing here touches the archive.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileKnowledge, type KnowledgeSource } from '../nlp/index.js';
import { entryPeople } from './entry-people.js';
import type { PeopleReply, PeopleRequest } from './people-pool.js';

const port = parentPort;
if (port === null) throw new Error('pipeline: people-worker runs only as a worker thread');
const knowledge = compileKnowledge(workerData as KnowledgeSource);
port.on('message', ({ id, entries }: PeopleRequest) => {
  let reply: PeopleReply;
  try {
    reply = {
      id,
      people: Object.fromEntries(entries.map((e) => [e.id, entryPeople(e, knowledge)] as const)),
    };
  } catch (e) {
    reply = { id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  port.postMessage(reply);
});
