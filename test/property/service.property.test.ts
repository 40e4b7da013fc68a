/**
 * Property tests of the analysis core (issue #12): for any text in any file
 * of a small deployment, the service answers every request without throwing
 * and with ranges inside the documents; its diagnostics do not depend on the
 * order files arrive in; and applying any quick fix it offers never makes a
 * file parse worse than before.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { NeutronConfigService } from '../../server/src/core/service';
import { parseIfcfg } from '../../server/src/core/syntax/ifcfgParser';
import { parseIni } from '../../server/src/core/syntax/iniParser';
import { parseKeyfile } from '../../server/src/core/syntax/keyfileParser';
import { parseYaml } from '../../server/src/core/syntax/yamlParser';
import { applyWorkspaceEdit, ROOT, uriOf } from '../unit/helpers';
import { anyConfigText, BASE, configLikeText, TARGETS } from './generators';
import { assertActionIn, assertRangeIn, lineLengths } from './ranges';
import { fuzzParameters, runsLabel } from './settings';

function serviceOf(files: Readonly<Record<string, string>>): NeutronConfigService {
  const service = new NeutronConfigService({
    onRuleError: (rule, error) => {
      throw new Error(`rule ${rule.codes.join(',')} threw: ${error instanceof Error ? error.stack : String(error)}`);
    },
  });
  service.setWorkspaceFolders([{ uri: ROOT }]);
  service.setFiles(Object.entries(files).map(([p, text]) => [uriOf(p), text] as const));
  return service;
}

function textsOf(files: Readonly<Record<string, string>>): Map<string, string> {
  return new Map(Object.entries(files).map(([p, text]) => [uriOf(p), text]));
}

/** The first diagnostics of each code: a client asks for actions at the cursor, and a long value can yield thousands of one code. */
function samples(diagnostics: Diagnostic[], perCode = 3): Diagnostic[] {
  const seen = new Map<string, number>();
  return diagnostics.filter((d) => {
    const n = seen.get(String(d.code)) ?? 0;
    seen.set(String(d.code), n + 1);
    return n < perCode;
  });
}

function exercise(service: NeutronConfigService, texts: ReadonlyMap<string, string>, uri: string, positions: readonly [number, number][]): void {
  const text = texts.get(uri)!;
  const lengths = lineLengths(text);
  const diagnostics = service.getDiagnostics(uri);
  for (const d of diagnostics) {
    assertRangeIn(lengths, d.range, `diagnostic ${String(d.code)}`);
    for (const related of d.relatedInformation ?? []) {
      const other = texts.get(related.location.uri);
      if (other !== undefined) assertRangeIn(lineLengths(other), related.location.range, `related of ${String(d.code)}`);
    }
  }
  for (const d of samples(diagnostics)) for (const action of service.getCodeActions(uri, d.range, [d])) assertActionIn(texts, action, `fix for ${String(d.code)}`);
  const last = lengths.length - 1;
  const at: Position[] = [
    { line: 0, character: 0 },
    { line: last, character: lengths[last] },
    // Positions a stale client may send: past the line end, past the last line.
    { line: 0, character: lengths[0] + 5 },
    { line: last + 3, character: 2 },
    ...positions.map(([l, c]) => {
      const line = Math.floor(l * lengths.length) % lengths.length;
      return { line, character: Math.floor(c * (lengths[line] + 1)) };
    }),
  ];
  for (const position of at) {
    const hover = service.getHover(uri, position);
    if (hover?.range) assertRangeIn(lengths, hover.range, 'hover');
    for (const item of service.getCompletions(uri, position).items) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) assertRangeIn(lengths, edit.range, `completion ${item.label}`);
      if (edit && 'insert' in edit) {
        assertRangeIn(lengths, edit.insert, `completion ${item.label} insert`);
        assertRangeIn(lengths, edit.replace, `completion ${item.label} replace`);
      }
      for (const extra of item.additionalTextEdits ?? []) assertRangeIn(lengths, extra.range, `completion ${item.label} extra`);
    }
    for (const location of service.getReferences(uri, position, true)) {
      const other = texts.get(location.uri);
      if (other !== undefined) assertRangeIn(lineLengths(other), location.range, 'reference');
    }
  }
}

/** Any deployment: the base files with one to three of them replaced by any text. */
const damagedWorkspace = fc
  .array(fc.tuple(fc.constantFrom(...TARGETS), anyConfigText), { minLength: 1, maxLength: 3 })
  .map((replacements) => ({ ...BASE, ...Object.fromEntries(replacements) }));
const unitPositions = fc.array(fc.tuple(fc.double({ min: 0, max: 0.999, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 6 });

/** Parser problems of a text read as its file's kind. */
function parseProblems(path: string, text: string): number {
  const parse = /ifcfg-/.test(path) ? parseIfcfg : path.endsWith('.nmconnection') ? parseKeyfile : /\.(ya?ml|json)$/.test(path) ? parseYaml : parseIni;
  return parse(text).problems.length;
}

describe('property: the analysis core', () => {
  it(`answers every request on every file without throwing, ranges inside the documents (${runsLabel(150)})`, () => {
    fc.assert(
      fc.property(damagedWorkspace, unitPositions, (files, positions) => {
        const service = serviceOf(files);
        const texts = textsOf(files);
        for (const uri of texts.keys()) exercise(service, texts, uri, positions);
      }),
      fuzzParameters(150),
    );
  });

  it(`survives files removed and added again in any sequence (${runsLabel(100)})`, () => {
    const step = fc.tuple(fc.constantFrom(...TARGETS), fc.option(anyConfigText, { freq: 3 }));
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), unitPositions, (steps, positions) => {
        const service = serviceOf(BASE);
        const texts = textsOf(BASE);
        for (const [target, text] of steps) {
          const uri = uriOf(target);
          if (text === null) {
            service.removeFile(uri);
            texts.delete(uri);
          } else {
            assert.ok(service.setFile(uri, text).includes(uri), 'setFile names the file it changed');
            texts.set(uri, text);
          }
          for (const known of texts.keys()) exercise(service, texts, known, known === uri ? positions : []);
        }
      }),
      fuzzParameters(100),
    );
  });

  it(`diagnostics do not depend on the order files arrive in, one by one or in bulk (${runsLabel(150)})`, () => {
    fc.assert(
      fc.property(damagedWorkspace, fc.array(fc.nat(), { minLength: TARGETS.length, maxLength: TARGETS.length }), (files, keys) => {
        const bulk = serviceOf(files);
        const oneByOne = new NeutronConfigService();
        oneByOne.setWorkspaceFolders([{ uri: ROOT }]);
        const order = Object.keys(files)
          .map((p, i) => [p, keys[i % keys.length]] as const)
          .sort((a, b) => a[1] - b[1])
          .map(([p]) => p);
        for (const p of order) oneByOne.setFile(uriOf(p), files[p]);
        for (const p of Object.keys(files)) {
          assert.deepEqual(oneByOne.getDiagnostics(uriOf(p)), bulk.getDiagnostics(uriOf(p)), `${p} after ${order.join(', ')}`);
        }
      }),
      fuzzParameters(150),
    );
  });

  it(`applying any offered quick fix never makes a file parse worse (${runsLabel(150)})`, () => {
    const workspace = fc
      .array(fc.tuple(fc.constantFrom(...TARGETS), configLikeText), { minLength: 1, maxLength: 2 })
      .map((replacements) => ({ ...BASE, ...Object.fromEntries(replacements) }));
    fc.assert(
      fc.property(workspace, (files) => {
        const service = serviceOf(files);
        for (const path of Object.keys(files)) {
          const uri = uriOf(path);
          for (const d of samples(service.getDiagnostics(uri), 2)) {
            for (const action of service.getCodeActions(uri, d.range, [d])) {
              if (!action.edit) continue;
              const after = applyWorkspaceEdit(files, action.edit);
              for (const [edited, text] of Object.entries(after)) {
                if (files[edited] === text) continue;
                const before = files[edited] === undefined ? 0 : parseProblems(edited, files[edited]);
                assert.ok(
                  parseProblems(edited, text) <= before,
                  `"${action.title}" (for ${String(d.code)}) leaves ${edited} with more parse problems: ${JSON.stringify(text)}`,
                );
              }
              // The fixed workspace is analysed without a throw as well.
              const fixed = serviceOf(after);
              for (const p of Object.keys(after)) fixed.getDiagnostics(uriOf(p));
            }
          }
        }
      }),
      fuzzParameters(150),
    );
  });
});
