/** Watching feeds: a sources file, and one poll of all sources per call. */
export {
  emptyWatchState,
  formatPollReport,
  pollSources,
  type PollOptions,
  type PollResult,
  type SourceReport,
  type SourceState,
  type WatchState,
} from './poll-sources.js';
export { parseSourcesFile, type WatchSource } from './sources-file.js';
