import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { IfcfgAssignment, IfcfgDocument, Token } from '../../../server/src/core/syntax/ast';
import { parseIfcfg, trailingText } from '../../../server/src/core/syntax/ifcfgParser';
import { formatRange } from '../helpers';

function tok(t: Token): string {
  return `${JSON.stringify(t.text)}@${formatRange(t.range)}`;
}

function only(doc: IfcfgDocument): IfcfgAssignment {
  assert.equal(doc.assignments.length, 1, JSON.stringify(doc.assignments.map((a) => a.key.text)));
  return doc.assignments[0];
}

/** key, value, raw, quoting, expands of the single assignment of a one-line file. */
function read(line: string): { key: string; value: string; raw: string; quoting: string; expands: boolean } {
  const a = only(parseIfcfg(line));
  return { key: tok(a.key), value: tok(a.value), raw: tok(a.raw), quoting: a.quoting, expands: a.expands };
}

function problems(doc: IfcfgDocument): string[] {
  return doc.problems.map((p) => `${p.code}/${p.severity}@${formatRange(p.range)}`);
}

describe('parseIfcfg: KEY=value', () => {
  const text = ['DEVICE=br-ex', 'TYPE=OVSBridge', 'DEVICETYPE=ovs', '  ONBOOT=yes', ''].join('\n');
  const doc = parseIfcfg(text);

  it('reads each assignment with key, value, raw and line ranges', () => {
    assert.deepEqual(
      doc.assignments.map((a) => [tok(a.key), tok(a.value), tok(a.raw), a.quoting, a.expands, a.exported, a.line, formatRange(a.range)]),
      [
        ['"DEVICE"@0:0-0:6', '"br-ex"@0:7-0:12', '"br-ex"@0:7-0:12', 'none', false, false, 0, '0:0-0:12'],
        ['"TYPE"@1:0-1:4', '"OVSBridge"@1:5-1:14', '"OVSBridge"@1:5-1:14', 'none', false, false, 1, '1:0-1:14'],
        ['"DEVICETYPE"@2:0-2:10', '"ovs"@2:11-2:14', '"ovs"@2:11-2:14', 'none', false, false, 2, '2:0-2:14'],
        ['"ONBOOT"@3:2-3:8', '"yes"@3:9-3:12', '"yes"@3:9-3:12', 'none', false, false, 3, '3:2-3:12'],
      ],
    );
    assert.deepEqual(doc.problems, []);
  });

  it('keeps an empty value as a zero-length range after "="', () => {
    assert.deepEqual(read('BOOTPROTO='), {
      key: '"BOOTPROTO"@0:0-0:9',
      value: '""@0:10-0:10',
      raw: '""@0:10-0:10',
      quoting: 'none',
      expands: false,
    });
  });
});

describe('parseIfcfg: quoting', () => {
  it('single quotes: literal, range inside the quotes', () => {
    assert.deepEqual(read("NAME='a b $X \\n'"), {
      key: '"NAME"@0:0-0:4',
      value: '"a b $X \\\\n"@0:6-0:15',
      raw: `"'a b $X \\\\n'"@0:5-0:16`,
      quoting: 'single',
      expands: false,
    });
  });

  it('double quotes: \\" \\\\ \\$ \\` are escapes, other backslashes stay', () => {
    assert.deepEqual(read('OVS_EXTRA="x\\"y\\\\z\\$w\\`v\\n"'), {
      key: '"OVS_EXTRA"@0:0-0:9',
      value: '"x\\"y\\\\z$w`v\\\\n"@0:11-0:26',
      raw: '"\\"x\\\\\\"y\\\\\\\\z\\\\$w\\\\`v\\\\n\\""@0:10-0:27',
      quoting: 'double',
      expands: false,
    });
  });

  it("$'...': ANSI-C escapes, range inside the quotes", () => {
    const a = only(parseIfcfg("OVS_OPTIONS=$'a\\tb\\'c'"));
    assert.equal(a.value.text, "a\tb'c");
    assert.equal(formatRange(a.value.range), '0:14-0:21');
    assert.equal(tok(a.raw), `"$'a\\\\tb\\\\'c'"@0:12-0:22`);
    assert.equal(a.quoting, 'ansi-c');
    assert.equal(a.expands, false);
  });

  it('mixed words: a"b", \'x\'"y", "x"y — value joined, range over the raw word', () => {
    assert.deepEqual(read('A=a"b"'), { key: '"A"@0:0-0:1', value: '"ab"@0:2-0:6', raw: '"a\\"b\\""@0:2-0:6', quoting: 'mixed', expands: false });
    assert.deepEqual(read(`A='x'"y"`), { key: '"A"@0:0-0:1', value: '"xy"@0:2-0:8', raw: `"'x'\\"y\\""@0:2-0:8`, quoting: 'mixed', expands: false });
    assert.deepEqual(read('A="x"y'), { key: '"A"@0:0-0:1', value: '"xy"@0:2-0:6', raw: '"\\"x\\"y"@0:2-0:6', quoting: 'mixed', expands: false });
    assert.deepEqual(read(`A="x"'y'`).quoting, 'mixed');
  });

  it('an empty quoted value points between the quotes', () => {
    assert.deepEqual(read('A=""'), { key: '"A"@0:0-0:1', value: '""@0:3-0:3', raw: '"\\"\\""@0:2-0:4', quoting: 'double', expands: false });
    assert.equal(read("A=''").value, '""@0:3-0:3');
  });

  it('a backslash outside quotes escapes the next character', () => {
    assert.deepEqual(read('A=a\\ b'), { key: '"A"@0:0-0:1', value: '"a b"@0:2-0:6', raw: '"a\\\\ b"@0:2-0:6', quoting: 'none', expands: false });
  });
});

describe('parseIfcfg: expansions', () => {
  const cases: [string, boolean][] = [
    ['A=$X', true],
    ['A=${X}', true],
    ['A="$X"', true],
    ['A="pre-${X}-post"', true],
    ['A=`hostname`', true],
    ['A="`hostname`"', true],
    ["A='$X'", false],
    ["A='`x`'", false],
    ['A="\\$X"', false],
    ['A=\\$X', false],
    ["A=$'\\x'", false],
    ['A=plain', false],
  ];
  for (const [line, expands] of cases) {
    it(`${line} → expands=${expands}`, () => assert.equal(only(parseIfcfg(line)).expands, expands));
  }
});

describe('parseIfcfg: comments and trailing text', () => {
  it('reads comment lines and trailing comments after white space', () => {
    const doc = parseIfcfg('# Generated by os-net-config\nDEVICE=eth1 # the NIC\nTYPE=OVSPort\t#tab\nA=x#not\n  # indented\n');
    assert.deepEqual(
      doc.comments.map((c) => [c.text, c.line, formatRange(c.range)]),
      [
        ['Generated by os-net-config', 0, '0:0-0:28'],
        ['the NIC', 1, '1:12-1:21'],
        ['tab', 2, '2:13-2:17'],
        ['indented', 4, '4:2-4:12'],
      ],
    );
    assert.equal(doc.assignments[2].value.text, 'x#not');
    assert.deepEqual(doc.problems, []);
  });

  it('trailingText: what bash would run after the value', () => {
    const doc = parseIfcfg('A=x y\nB="q" run this  # c\nC=1 # comment\nD=2\nE=3   \n');
    const trailing = doc.assignments.map((a) => {
      const t = trailingText(doc, a);
      return t ? tok(t) : undefined;
    });
    assert.deepEqual(trailing, ['"y"@0:4-0:5', '"run this  # c"@1:6-1:19', undefined, undefined, undefined]);
  });

  it('trailingText on CRLF lines stops before the line break', () => {
    const doc = parseIfcfg('A=x y\r\nB=1\r\n');
    assert.equal(tok(trailingText(doc, doc.assignments[0])!), '"y"@0:4-0:5');
    assert.equal(trailingText(doc, doc.assignments[1]), undefined);
  });
});

describe('parseIfcfg: export and bad assignments', () => {
  it('export KEY=v: key range after the keyword', () => {
    const a = only(parseIfcfg('export  DEVICE=eth0'));
    assert.equal(tok(a.key), '"DEVICE"@0:8-0:14');
    assert.equal(tok(a.value), '"eth0"@0:15-0:19');
    assert.equal(a.exported, true);
    assert.equal(formatRange(a.range), '0:8-0:19');
  });

  it('KEY = v, KEY =v, KEY= v: syntax error from the key through "=" and the blanks after it, no assignment', () => {
    const doc = parseIfcfg('DEVICE = eth0\nTYPE =OVSPort\nONBOOT= yes\n');
    assert.deepEqual(problems(doc), ['syntax/error@0:0-0:9', 'syntax/error@1:0-1:6', 'syntax/error@2:0-2:8']);
    assert.deepEqual(doc.assignments, []);
  });

  it('unterminated quotes: error from the quote to the line end, assignment kept', () => {
    for (const [line, start, value] of [
      ['A="abc', 2, 'abc'],
      ["A='abc", 2, 'abc'],
      ["A=$'abc", 2, 'abc'],
      ['A=x"abc', 3, 'xabc'],
      ['A="x\\"', 2, 'x"'],
    ] as const) {
      const doc = parseIfcfg(line + '\nB=1\n');
      assert.deepEqual(problems(doc), [`syntax/error@0:${start}-0:${line.length}`], line);
      assert.equal(doc.assignments[0].value.text, value, line);
      assert.equal(doc.assignments[0].raw.end, line.length, line);
      assert.equal(doc.assignments[1].key.text, 'B', line);
    }
  });

  it('non-assignment lines are warnings over the trimmed line', () => {
    const doc = parseIfcfg('ifup eth0  \n1DEV=x\n  -x\n;comment?\n');
    assert.deepEqual(problems(doc), ['syntax/warning@0:0-0:9', 'syntax/warning@1:0-1:6', 'syntax/warning@2:2-2:4', 'syntax/warning@3:0-3:9']);
    assert.deepEqual(doc.assignments, []);
  });

  it('shell arrays are warned about over KEY[n]', () => {
    const doc = parseIfcfg('IPADDR[0]=192.0.2.1\n');
    assert.deepEqual(problems(doc), ['syntax/warning@0:0-0:9']);
    assert.deepEqual(doc.assignments, []);
  });

  it('template lines are neither assignments nor problems', () => {
    const doc = parseIfcfg('{% if bond %}\nDEVICE={{ name }}\n{% endif %}\n<%= x %>\n');
    assert.deepEqual(doc.problems, []);
    assert.equal(tok(only(doc).value), '"{{"@1:7-1:9');
  });
});

describe('parseIfcfg: BOM and line endings', () => {
  it('reports a BOM (bash reads it into the first word) and reads on past it; ranges count it as one UTF-16 unit', () => {
    const doc = parseIfcfg('\ufeffDEVICE=eth0\nTYPE=Ethernet\n');
    assert.equal(tok(doc.assignments[0].key), '"DEVICE"@0:1-0:7');
    assert.equal(tok(doc.assignments[0].value), '"eth0"@0:8-0:12');
    assert.deepEqual(problems(doc), ['syntax/error@0:0-0:1']);
    assert.match(doc.problems[0].message, /byte order mark .*leaves DEVICE unset/);
    assert.deepEqual(problems(parseIfcfg('\ufeffexport TYPE=OVSPort')), ['syntax/error@0:0-0:1']);
    // Before a comment or a blank line bash only complains of an unknown command.
    assert.deepEqual(problems(parseIfcfg('\ufeff# br-ex\nDEVICE=br-ex')), ['syntax/warning@0:0-0:1']);
    assert.deepEqual(problems(parseIfcfg('\ufeff')), ['syntax/warning@0:0-0:1']);
    assert.deepEqual(problems(parseIfcfg('\ufeffecho')), ['syntax/warning@0:0-0:1', 'syntax/warning@0:1-0:5']);
  });

  it('reads CRLF and lone CR, without \\r in values', () => {
    const doc = parseIfcfg('DEVICE=eth0\r\nTYPE="OVSPort"\r\nOVS_BRIDGE=br-ex\rONBOOT=yes');
    assert.deepEqual(
      doc.assignments.map((a) => tok(a.value)),
      ['"eth0"@0:7-0:11', '"OVSPort"@1:6-1:13', '"br-ex"@2:11-2:16', '"yes"@3:7-3:10'],
    );
    // Read as written for ranges, but bash would not: one problem for the whole file.
    assert.deepEqual(doc.problems.map((p) => `${p.code}:${p.severity}:${JSON.stringify(p.data)}@${p.range.start.line}:${p.range.start.character}-${p.range.end.line}:${p.range.end.character}`), ['syntax:error:{"kind":"crlf"}@0:0-0:11']);
    assert.match(parseIfcfg('DEVICE=eth0\rONBOOT=yes').problems[0].message, /^This file has carriage returns \(CR\) for line ends/);
  });

  it('an unterminated quote does not run past a CRLF', () => {
    const doc = parseIfcfg('A="x\r\nB=1\r\n');
    assert.equal(doc.assignments[0].value.text, 'x');
    assert.equal(tok(doc.assignments[1].key), '"B"@1:0-1:1');
  });

  it('never throws on an empty file', () => {
    const doc = parseIfcfg('');
    assert.deepEqual([doc.assignments, doc.comments, doc.problems], [[], [], []]);
  });
});
