/** The command line: `run(argv, io)`, the process's io, and what the bin sets for its process. */
export { keepHeapNearLive } from '../pipeline/heap-growth.js';
export { processIo, type CliIo } from './io.js';
export { run } from './run.js';
