/**
 * Files that are not UTF-8 text (issue #12): one clear problem for the whole
 * file instead of a syntax error per line, for INI and ifcfg files alike.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseIfcfg } from '../../../server/src/core/syntax/ifcfgParser';
import { parseIni } from '../../../server/src/core/syntax/iniParser';

/** What Node's UTF-8 decoding makes of bytes, as the CLI reads a file. */
const asRead = (bytes: Buffer) => bytes.toString('utf8');
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const summary = (doc: { problems: { code: string; severity: string; data?: Record<string, unknown> }[] }) =>
  doc.problems.map((p) => `${p.code}:${p.severity}:${String(p.data?.encoding)}`);

describe('encoding', () => {
  it('a UTF-16 file with BOM is one error, naming the encoding, and nothing else is read', () => {
    const doc = parseIni(asRead(utf16le('[ovs]\r\nbridge_mappings = physnet1:br-ex\r\n')));
    assert.deepEqual(summary(doc), ['syntax:error:UTF-16']);
    assert.deepEqual(doc.sections, []);
    assert.match(doc.problems[0].message, /^This file is encoded as UTF-16, not UTF-8: .* Save it as UTF-8\./);
    const ifcfg = parseIfcfg(asRead(utf16le('DEVICE=br-ex\nTYPE=OVSBridge\n')));
    assert.deepEqual(summary(ifcfg), ['syntax:error:UTF-16']);
    assert.deepEqual(ifcfg.assignments, []);
  });

  it('UTF-32 is named as such', () => {
    const bytes = Buffer.alloc(4 * 12);
    [...'[ovs]\nx = 1\n'].forEach((ch, i) => bytes.writeUInt32LE(ch.charCodeAt(0), 4 * i));
    assert.deepEqual(summary(parseIni(asRead(bytes))), ['syntax:error:UTF-32']);
  });

  it('binary data is one error', () => {
    // A deterministic stand-in for random bytes: every byte value, many times over.
    const bytes = Buffer.from(Array.from({ length: 20000 }, (_, i) => (i * 7919) % 256));
    assert.deepEqual(summary(parseIni(asRead(bytes))), ['syntax:error:binary']);
    assert.deepEqual(summary(parseIfcfg(asRead(bytes))), ['syntax:error:binary']);
  });

  it('UTF-8 text, with accents and emoji, is read as usual', () => {
    const doc = parseIni('# Réseau du site de Lyon 😀\n[ovs]\nbridge_mappings = physnet1:br-ex\n');
    assert.deepEqual(doc.problems, []);
    assert.equal(doc.sections.length, 1);
  });
});
