/**
 * Entry point of the language server bundle (`dist/server.js`).
 * Transport comes from the command line: `--stdio`, `--node-ipc`,
 * `--socket=<port>` or `--pipe=<name>`.
 */
import { Console } from 'node:console';
import { ProposedFeatures, createConnection, type MessageReader } from 'vscode-languageserver/node';
import { createLogger, startServer } from './lsp/startServer';
import { describeError, noteIncomingMessage } from './lsp/runSafe';
import { CoalescingStreamWriter } from './lsp/streamWriter';
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

const stdio = args.includes('--stdio');
// Over stdio, messages go out through our own writer (see streamWriter.ts). Handed its input
// and output, the library no longer moves the console off stdout, where it would corrupt the
// protocol: stderr gets it.
if (stdio) globalThis.console = new Console(process.stderr, process.stderr);
// stdin is passed as a stream, not a reader, so that the library still exits when it closes;
// its typings offer streams or reader and writer, its code takes each as it comes.
const connection = stdio
  ? createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, new CoalescingStreamWriter(process.stdout))
  : createConnection(ProposedFeatures.all);
const logger = createLogger(connection);

// A last line of defence: whatever escapes a handler is logged, and the server stays up.
process.on('uncaughtException', (error) => logger.error(`Uncaught exception: ${describeError(error)}`));
process.on('unhandledRejection', (reason) => logger.error(`Unhandled rejection: ${describeError(reason)}`));

startServer(connection);

// Work done in slices (indexing, publishing) yields to a message from its arrival on (see runSafe.ts);
// listening beside the connection's own reader, which is attached by now.
if (stdio) process.stdin.on('data', noteIncomingMessage);
else if (args.includes('--node-ipc')) process.on('message', noteIncomingMessage);
