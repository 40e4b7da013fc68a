/**
 * The CLI and the language server give the same diagnostics for the same
 * workspace on disk (issue #12): any deployment is written to a folder, the
 * CLI checks it (`--format json`), a server is started on it, and the
 * server's published diagnostics must reach the CLI's, file by file.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { run } from '../../server/src/cli';
import { LspClient } from '../protocol/lspClient';
import { SERVER, uriOf } from '../protocol/fixture';
import { PUSH_CLIENT_CAPABILITIES } from '../protocol/capabilities';
import { BASE, configLikeText, TARGETS } from './generators';
import { fuzzParameters, runsLabel } from './settings';

const SEVERITY: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4 };

interface Finding {
  file: string;
  range: unknown;
  severity: string;
  code: string;
  message: string;
}

async function cliFindings(dir: string): Promise<Finding[]> {
  let out = '';
  await run(['check', dir, '--format', 'json'], { stdout: (t) => (out += t), stderr: () => undefined, colour: false, cwd: dir });
  return (JSON.parse(out) as { diagnostics: Finding[] }).diagnostics;
}

/** What a file's diagnostics look like in both faces: code, range, severity, message, in order. */
function shape(d: { code: unknown; range: unknown; severity: unknown; message: unknown }): string {
  return JSON.stringify([d.code, d.range, d.severity, d.message]);
}

describe('property: the CLI and the server agree', () => {
  it(`the same diagnostics for the same workspace on disk (${runsLabel(6)})`, async () => {
    const workspace = fc
      .array(fc.tuple(fc.constantFrom(...TARGETS), configLikeText), { minLength: 1, maxLength: 3 })
      .map((replacements) => ({ ...BASE, ...Object.fromEntries(replacements) }));
    await fc.assert(
      fc.asyncProperty(workspace, async (files) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'neutron-config-faces-'));
        const client = LspClient.start(SERVER);
        try {
          for (const [p, text] of Object.entries(files)) {
            fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
            fs.writeFileSync(path.join(dir, p), text);
          }
          const expected = new Map<string, string[]>();
          for (const p of Object.keys(files)) expected.set(uriOf(path.join(dir, p)), []);
          for (const f of await cliFindings(dir)) {
            expected.get(uriOf(path.join(dir, f.file)))!.push(shape({ ...f, severity: SEVERITY[f.severity] }));
          }
          await client.request('initialize', {
            processId: process.pid,
            rootUri: uriOf(dir),
            workspaceFolders: [{ uri: uriOf(dir), name: 'faces' }],
            capabilities: PUSH_CLIENT_CAPABILITIES,
          });
          client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
          client.notify('initialized', {});
          const differences = () =>
            [...expected].filter(([uri, want]) => JSON.stringify((client.latestDiagnostics(uri) ?? []).map(shape)) !== JSON.stringify(want));
          await client.waitFor('the server to publish what the CLI found', () => differences().length === 0).catch(() => {
            const [uri, want] = differences()[0];
            assert.deepEqual((client.latestDiagnostics(uri) ?? []).map(shape), want, `server and CLI differ on ${uri}`);
          });
        } finally {
          client.kill();
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }),
      fuzzParameters(6),
    );
  });
});
