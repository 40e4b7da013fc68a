/**
 * Entry point of the language server bundle (`dist/server.js`).
 * Transport comes from the command line: `--stdio`, `--node-ipc`,
 * `--socket=<port>` or `--pipe=<name>`.
 */
import * as v8 from 'node:v8';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { createLogger, startServer } from './lsp/startServer';
import { describeError } from './lsp/runSafe';
import { SMALL_YOUNG_GENERATION } from './lsp/memory';
import { VERSION } from './version';

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(`${VERSION}\n`);
  process.exit(0);
}
if (!args.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket=') || arg.startsWith('--pipe='))) {
  process.stderr.write(
    'neutron-config language server: choose a transport, for example\n' +
      '  node dist/server.js --stdio\n' +
      'or --node-ipc, --socket=<port>, --pipe=<name>. For checks in a terminal use dist/cli.js.\n',
  );
  process.exit(2);
}

// A small young generation: the index keeps many small objects, and V8's default semi-spaces
// (16 MB each) add to resident memory. npm run bench, 1,000 hosts, RSS after indexing: 173 MB
// by default, 146 MB with the flag given to node (as the VS Code client does); the run-time call
// below gets part of that for clients that start node without it.
v8.setFlagsFromString(SMALL_YOUNG_GENERATION);

const connection = createConnection(ProposedFeatures.all);
const logger = createLogger(connection);

// A last line of defence: whatever escapes a handler is logged, and the server stays up.
process.on('uncaughtException', (error) => logger.error(`Uncaught exception: ${describeError(error)}`));
process.on('unhandledRejection', (reason) => logger.error(`Unhandled rejection: ${describeError(reason)}`));

startServer(connection);
