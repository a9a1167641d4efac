/** The command line: `run(argv, io)` and the process's io. */
export { processIo, type CliIo } from './io.js';
export { run } from './run.js';
