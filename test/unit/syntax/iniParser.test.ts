import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Range } from 'vscode-languageserver-types';
import type { IniDocument, IniOption, ParseProblem, Token } from '../../../server/src/core/syntax/ast';
import { parseIni } from '../../../server/src/core/syntax/iniParser';
import { formatRange } from '../helpers';

/** `line:char-line:char` of a range, as the helpers print it. */
const at = (r: Range) => formatRange(r);

/** Every option of the document (sections in order, then orphans). */
function options(doc: IniDocument): IniOption[] {
  return [...doc.sections.flatMap((s) => s.options), ...doc.orphans];
}

function option(doc: IniDocument, name: string, occurrence = 0): IniOption {
  const found = options(doc).filter((o) => o.name.text === name)[occurrence];
  assert.ok(found, `option ${name} #${occurrence} not found`);
  return found;
}

/** Token text, offsets and range in one string. */
function tok(t: Token): string {
  return `${JSON.stringify(t.text)}@${at(t.range)}`;
}

function problems(doc: IniDocument): string[] {
  return doc.problems.map((p: ParseProblem) => `${p.code}/${p.severity}@${at(p.range)}`);
}

/** For single-line tokens the text is exactly the source between start and end. */
function assertTokenConsistent(text: string, t: Token): void {
  if (!t.text.includes('\n')) assert.equal(text.slice(t.start, t.end), t.text);
}

describe('parseIni: sections, options, separators, values', () => {
  const text = ['[DEFAULT]', 'debug = true', '', '[ml2]', 'type_drivers=flat,vlan', 'mechanism_drivers =  openvswitch  '].join('\n');
  const doc = parseIni(text);

  it('finds the sections with exact name and header ranges', () => {
    assert.deepEqual(
      doc.sections.map((s) => [tok(s.name), at(s.headerRange)]),
      [
        ['"DEFAULT"@0:1-0:8', '0:0-0:9'],
        ['"ml2"@3:1-3:4', '3:0-3:5'],
      ],
    );
  });

  it('gives each option its name, separator and value ranges', () => {
    assert.deepEqual(
      options(doc).map((o) => [tok(o.name), tok(o.separator), tok(o.value), at(o.range), o.section]),
      [
        ['"debug"@1:0-1:5', '"="@1:6-1:7', '"true"@1:8-1:12', '1:0-1:12', 'DEFAULT'],
        ['"type_drivers"@4:0-4:12', '"="@4:12-4:13', '"flat,vlan"@4:13-4:22', '4:0-4:22', 'ml2'],
        // Value trimmed on both sides; the option range stops at the last non-blank character.
        ['"mechanism_drivers"@5:0-5:17', '"="@5:18-5:19', '"openvswitch"@5:21-5:32', '5:0-5:32', 'ml2'],
      ],
    );
    for (const o of options(doc)) for (const t of [o.name, o.separator, o.value]) assertTokenConsistent(text, t);
  });

  it('extends a section range to its last option', () => {
    assert.equal(at(doc.sections[0].range), '0:0-1:12');
    assert.equal(at(doc.sections[1].range), '3:0-5:32');
  });

  it('reports nothing for a well-formed file', () => {
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(doc.orphans, []);
  });

  it('accepts "name: value" and picks whichever of = and : comes first', () => {
    const d = parseIni('[s]\nverbose: true\nbridge_mappings = physnet1:br-ex\nurl: http://x/?a=b\n');
    assert.deepEqual(
      options(d).map((o) => [tok(o.name), tok(o.separator), tok(o.value)]),
      [
        ['"verbose"@1:0-1:7', '":"@1:7-1:8', '"true"@1:9-1:13'],
        ['"bridge_mappings"@2:0-2:15', '"="@2:16-2:17', '"physnet1:br-ex"@2:18-2:32'],
        ['"url"@3:0-3:3', '":"@3:3-3:4', '"http://x/?a=b"@3:5-3:18'],
      ],
    );
    assert.deepEqual(d.problems, []);
  });

  it('keeps a second "=" and inline "#" in the value (oslo.config has no inline comments)', () => {
    const d = parseIni('[s]\na = b = c\nb = x # not a comment\n');
    assert.equal(tok(option(d, 'a').value), '"b = c"@1:4-1:9');
    assert.equal(tok(option(d, 'b').value), '"x # not a comment"@2:4-2:21');
    assert.deepEqual(d.comments, []);
  });

  it('keeps section names as written, spaces and case included (oslo.config does not strip them)', () => {
    const d = parseIni('[ ovs ]\n[OVS]\n[ml2_type_flat]\n');
    assert.deepEqual(
      d.sections.map((s) => tok(s.name)),
      ['" ovs "@0:1-0:6', '"OVS"@1:1-1:4', '"ml2_type_flat"@2:1-2:14'],
    );
  });

  it('does not trim leading white space that is not a continuation (form feed)', () => {
    // Only space and tab make a continuation line, as in oslo.config.
    const d = parseIni('[s]\n\fa = 1\n');
    assert.equal(tok(option(d, 'a').name), '"a"@1:1-1:2');
    assert.deepEqual(d.problems, []);
  });
});

describe('parseIni: comments', () => {
  it('reads # and ; comment lines with text and range', () => {
    const d = parseIni('# top\n[s]\n;semi colon  \n  \na = 1\n#\n');
    assert.deepEqual(
      d.comments.map((c) => [c.text, c.line, at(c.range)]),
      [
        ['top', 0, '0:0-0:5'],
        ['semi colon', 2, '2:0-2:11'],
        ['', 5, '5:0-5:1'],
      ],
    );
    assert.deepEqual(d.problems, []);
  });

  it('extends the section range over a comment inside it (as ast.ts documents)', () => {
    const d = parseIni('[s]\na = 1\n# trailing note\n');
    assert.equal(at(d.sections[0].range), '0:0-2:15');
  });

  it('treats an indented # line after an option as part of the value, as oslo.config does', () => {
    const d = parseIni('[s]\na = 1\n  # two\n');
    assert.equal(option(d, 'a').value.text, '1\n# two');
    assert.deepEqual(d.comments, []);
  });
});

describe('parseIni: continuation lines', () => {
  const text = ['[ovs]', 'bridge_mappings = physnet1:br-ex,', '    physnet2:br-vlan,', '\tphysnet3:br-x', 'next = 1'].join('\n');
  const doc = parseIni(text);
  const bm = option(doc, 'bridge_mappings');

  it('joins the value with line breaks and spans the lines', () => {
    assert.equal(bm.value.text, 'physnet1:br-ex,\nphysnet2:br-vlan,\nphysnet3:br-x');
    assert.equal(at(bm.value.range), '1:18-3:14');
    assert.equal(bm.value.start, text.indexOf('physnet1'));
    assert.equal(bm.value.end, text.indexOf('br-x') + 4);
    assert.equal(at(bm.range), '1:0-3:14');
    assert.equal(at(doc.sections[0].range), '0:0-4:8');
  });

  it('keeps one segment per physical line with its start offset', () => {
    assert.deepEqual(
      bm.segments.map((s) => [s.text, s.start]),
      [
        ['physnet1:br-ex,', text.indexOf('physnet1')],
        ['physnet2:br-vlan,', text.indexOf('physnet2')],
        ['physnet3:br-x', text.indexOf('physnet3')],
      ],
    );
    for (const s of bm.segments) assert.equal(text.slice(s.start, s.start + s.text.length), s.text);
  });

  it('starts the next option after the continuation', () => {
    assert.equal(tok(option(doc, 'next').name), '"next"@4:0-4:4');
    assert.deepEqual(doc.problems, []);
  });

  it('warns on an indented "x = y" that reads as more of the value above', () => {
    const d = parseIni('[ovs]\nbridge_mappings = a:b\n  integration_bridge = br-int\n');
    assert.deepEqual(problems(d), ['syntax/warning@2:2-2:29']);
    assert.deepEqual(d.problems[0].data, { continues: 'bridge_mappings', line: 2 });
    assert.equal(option(d, 'bridge_mappings').value.text, 'a:b\nintegration_bridge = br-int');
    assert.equal(options(d).length, 1);
  });

  it('does not warn on an indented list item that merely contains ":"', () => {
    const d = parseIni('[ovs]\nbridge_mappings = a:b,\n  c:d\n');
    assert.deepEqual(d.problems, []);
  });

  it('refuses an indented line after a comment (the comment ends the value)', () => {
    const d = parseIni('[s]\na = 1\n# note\n  b\n');
    assert.deepEqual(problems(d), ['syntax/error@3:0-3:3']);
    assert.equal(option(d, 'a').value.text, '1');
  });

  it('refuses an indented line after a section header', () => {
    const d = parseIni('[s]\n  a = 1\n');
    assert.deepEqual(problems(d), ['syntax/error@1:0-1:7']);
    assert.deepEqual(options(d), []);
  });

  it('refuses an indented first line', () => {
    const d = parseIni('  [s]\n');
    assert.deepEqual(problems(d), ['syntax/error@0:0-0:5']);
    assert.deepEqual(d.sections, []);
  });

  it('ends a value at a blank line, also one holding only white space', () => {
    for (const blank of ['', '   ', '\t']) {
      const d = parseIni(`[s]\na = 1\n${blank}\n  b\n`);
      assert.deepEqual(problems(d), ['syntax/error@3:0-3:3'], JSON.stringify(blank));
      assert.equal(option(d, 'a').value.text, '1');
    }
  });

  it('gives a one-line value one segment: the value as oslo.config reads it, quotes dropped', () => {
    const text = '[s]\na = "x y"\nb =   1  \n';
    const d = parseIni(text);
    assert.deepEqual(option(d, 'a').segments, [{ text: 'x y', start: text.indexOf('x y') }]);
    assert.deepEqual(option(d, 'b').segments, [{ text: '1', start: text.indexOf('1') }]);
  });

  it('gives an empty first line the continuation as value (oslo.config would read "\\nb")', () => {
    const d = parseIni('[s]\na =\n  b\n');
    const a = option(d, 'a');
    // The parser drops the empty first line from value.text to get a clean
    // range; the empty first segment stays, right after the separator.
    assert.equal(tok(a.value), '"b"@2:2-2:3');
    assert.deepEqual(
      a.segments.map((s) => [s.text, s.start]),
      [
        ['', '[s]\na ='.length],
        ['b', '[s]\na =\n  '.length],
      ],
    );
  });

  it('trims trailing white space of each continuation line', () => {
    const d = parseIni('[s]\na = x  \n   y\t \n');
    assert.equal(tok(option(d, 'a').value), '"x\\ny"@1:4-2:4');
  });
});

describe('parseIni: quotes', () => {
  it('drops one pair of matching quotes and points inside them', () => {
    const d = parseIni(`[s]\na = "x y"\nb = 'z'\nc = "x'\nd = ""\ne = "q"r"\n`);
    assert.equal(tok(option(d, 'a').value), '"x y"@1:5-1:8');
    assert.equal(tok(option(d, 'b').value), '"z"@2:5-2:6');
    assert.equal(tok(option(d, 'c').value), `"\\"x'"@3:4-3:7`);
    assert.equal(tok(option(d, 'd').value), '""@4:5-4:5');
    // Like oslo.config: first and last character match, so only they go.
    assert.equal(tok(option(d, 'e').value), '"q\\"r"@5:5-5:8');
  });

  it('reads a lone quote as an empty value, as oslo.config does (value[1:-1] of \'"\')', () => {
    const d = parseIni('[s]\na = "\n');
    const value = option(d, 'a').value;
    assert.equal(value.text, '');
    assert.ok(value.start <= value.end);
    assert.equal(at(value.range), '1:5-1:5');
  });

  it('strips quotes on the first line only', () => {
    const d = parseIni('[s]\na = "x"\n  "y"\n');
    assert.equal(tok(option(d, 'a').value), '"x\\n\\"y\\""@1:5-2:5');
  });
});

describe('parseIni: duplicate options', () => {
  it('warns on every earlier occurrence and names the winning line', () => {
    const text = '[ovs]\nbridge_mappings = a:b\nbridge_mappings = c:d\nbridge_mappings = e:f\n';
    const d = parseIni(text);
    assert.deepEqual(problems(d), ['duplicate-option/warning@1:0-1:15', 'duplicate-option/warning@2:0-2:15']);
    assert.deepEqual(
      d.problems.map((p) => p.data),
      [{ winnerLine: 3 }, { winnerLine: 3 }],
    );
  });

  it('counts two headers of the same section as one section', () => {
    const d = parseIni('[ovs]\na = 1\n[agent]\na = 2\n[ovs]\na = 3\n');
    assert.deepEqual(problems(d), ['duplicate-option/warning@1:0-1:1']);
    assert.deepEqual(d.problems[0].data, { winnerLine: 5 });
  });

  it('is case-sensitive in option names', () => {
    // Sections are left out: oslo.config looks group names up lowercased (cfg._normalize_group_name, DEFAULT
    // excepted), so [ovs] and [OVS] are one group there; the parser and facts compare them case-sensitively.
    const d = parseIni('[ovs]\na = 1\nA = 2\n');
    assert.deepEqual(d.problems, []);
  });

  it('does not report duplicates among options before any section', () => {
    const d = parseIni('a = 1\na = 2\n');
    assert.deepEqual(problems(d), ['option-outside-section/error@0:0-0:1', 'option-outside-section/error@1:0-1:1']);
  });
});

describe('parseIni: options outside sections', () => {
  it('keeps them as orphans and reports the name', () => {
    const d = parseIni('  \nbridge_mappings = a:b\n[ovs]\n');
    assert.deepEqual(problems(d), ['option-outside-section/error@1:0-1:15']);
    assert.equal(d.orphans.length, 1);
    assert.equal(d.orphans[0].section, undefined);
    assert.equal(tok(d.orphans[0].value), '"a:b"@1:18-1:21');
    assert.deepEqual(d.sections[0].options, []);
  });
});

describe('parseIni: syntax errors', () => {
  it('header without "]"', () => {
    const d = parseIni('[DEFAULT\n');
    assert.deepEqual(problems(d), ['syntax/error@0:0-0:8']);
    // Read on as section "DEFAULT" so later options keep their section.
    assert.deepEqual(
      d.sections.map((s) => [s.name.text, s.name.range]),
      [['DEFAULT', { start: { line: 0, character: 1 }, end: { line: 0, character: 8 } }]],
    );
  });

  it('header with text after "]"', () => {
    const d = parseIni('[ovs] # agent\n');
    assert.deepEqual(problems(d), ['syntax/error@0:0-0:13']);
  });

  it('empty header "[]", trailing blanks excluded from the range', () => {
    const d = parseIni('[]  \n');
    assert.deepEqual(problems(d), ['syntax/error@0:0-0:2']);
    assert.deepEqual(d.sections, []);
  });

  it('options after a broken header stay in that section', () => {
    const d = parseIni('[DEFAULT]\n[ovs\nbridge_mappings = a:b\n');
    assert.deepEqual(problems(d), ['syntax/error@1:0-1:4']);
    assert.deepEqual(
      d.sections.map((s) => [s.name.text, s.options.map((o) => o.name.text)]),
      [['DEFAULT', []], ['ovs', ['bridge_mappings']]],
    );
  });

  it('a line with neither "=" nor ":"', () => {
    const d = parseIni('[s]\njust some words  \n');
    assert.deepEqual(problems(d), ['syntax/error@1:0-1:15']);
    assert.deepEqual(options(d), []);
  });

  it('"= value" and ": value" without a name', () => {
    const d = parseIni('[s]\n= value\n  \t: x\n');
    // The second line is blank-led, so it is a continuation: it has no option to continue.
    assert.deepEqual(problems(d), ['syntax/error@1:0-1:7', 'syntax/error@2:0-2:6']);
    const d2 = parseIni('[s]\n: x\n');
    assert.deepEqual(problems(d2), ['syntax/error@1:0-1:3']);
  });

  it('a broken line ends the value above', () => {
    const d = parseIni('[s]\na = 1\nbroken\n  b\n');
    assert.deepEqual(problems(d), ['syntax/error@2:0-2:6', 'syntax/error@3:0-3:3']);
    assert.equal(option(d, 'a').value.text, '1');
  });
});

describe('parseIni: line endings, BOM, tabs', () => {
  it('reads CRLF like LF, with no \\r in texts or ranges', () => {
    const text = '[ovs]\r\nbridge_mappings = a:b,\r\n  c:d\r\nx = 1\r\n';
    const d = parseIni(text);
    const bm = option(d, 'bridge_mappings');
    assert.equal(bm.value.text, 'a:b,\nc:d');
    assert.equal(at(bm.value.range), '1:18-2:5');
    assert.equal(tok(option(d, 'x').value), '"1"@3:4-3:5');
    assert.equal(at(d.sections[0].headerRange), '0:0-0:5');
    assert.deepEqual(d.problems, []);
  });

  it('reads a lone CR as a line break', () => {
    const d = parseIni('[s]\ra = 1\r  b\rc: 2');
    assert.equal(tok(option(d, 'a').value), '"1\\nb"@1:4-2:3');
    assert.equal(tok(option(d, 'c').value), '"2"@3:3-3:4');
    assert.deepEqual(d.problems, []);
  });

  it('reads mixed line endings', () => {
    const d = parseIni('[s]\r\na = 1\rb = 2\nc = 3\r\n\r\n  d\n');
    assert.deepEqual(
      options(d).map((o) => tok(o.value)),
      ['"1"@1:4-1:5', '"2"@2:4-2:5', '"3"@3:4-3:5'],
    );
    assert.deepEqual(problems(d), ['syntax/error@5:0-5:3']);
  });

  it('reports a BOM (oslo.config refuses the file), reads on past it; ranges count it as one UTF-16 unit', () => {
    const text = '\ufeff[DEFAULT]\ndebug = true\n';
    const d = parseIni(text);
    assert.deepEqual(problems(d), ['syntax/error@0:0-0:1']);
    assert.match(d.problems[0].message, /byte order mark .* refuses the whole file/);
    assert.equal(tok(d.sections[0].name), '"DEFAULT"@0:2-0:9');
    assert.equal(at(d.sections[0].headerRange), '0:1-0:10');
    assert.equal(tok(option(d, 'debug').name), '"debug"@1:0-1:5');
  });

  it('reads past a BOM before an option and before indentation; a lone BOM is still refused', () => {
    assert.deepEqual(problems(parseIni('\ufeffa = 1\n')), ['syntax/error@0:0-0:1', 'option-outside-section/error@0:1-0:2']);
    assert.deepEqual(problems(parseIni('\ufeff  a = 1\n')), ['syntax/error@0:0-0:1', 'syntax/error@0:1-0:8']);
    assert.deepEqual(problems(parseIni('\ufeff')), ['syntax/error@0:0-0:1']);
    assert.deepEqual(problems(parseIni('[DEFAULT]\n\ufeffa = 1\n')), [], 'only a mark at the start of the file');
  });

  it('handles tabs around the separator and as indentation', () => {
    const d = parseIni('[s]\na\t=\tb\n\tc\n');
    const a = option(d, 'a');
    assert.equal(tok(a.name), '"a"@1:0-1:1');
    assert.equal(tok(a.separator), '"="@1:2-1:3');
    assert.equal(tok(a.value), '"b\\nc"@1:4-2:2');
  });

  it('counts characters outside the BMP as two UTF-16 units', () => {
    const d = parseIni('[s]\n😀 = 😀x\n');
    const o = options(d)[0];
    assert.equal(tok(o.name), '"😀"@1:0-1:2');
    assert.equal(tok(o.value), '"😀x"@1:5-1:8');
  });
});

describe('parseIni: templates', () => {
  it('does not report template directive lines', () => {
    const text = [
      '{# managed by ansible #}',
      '[ovs]',
      '{% if bridges %}',
      'bridge_mappings = {{ bridges | join(",") }}',
      '{% endif %}',
      '<% if @x %>',
      '  {% raw %}',
    ].join('\n');
    const d = parseIni(text);
    assert.deepEqual(d.problems, []);
    assert.equal(tok(option(d, 'bridge_mappings').value), '"{{ bridges | join(\\",\\") }}"@3:18-3:43');
  });

  it('ends a value at a template line', () => {
    const d = parseIni('[s]\na = 1\n{% endif %}\n  b\n');
    assert.deepEqual(problems(d), ['syntax/error@3:0-3:3']);
  });

  it('takes an indented template line after an option as more of its value', () => {
    const d = parseIni('[s]\na = 1\n  {{ more }}\n');
    assert.equal(option(d, 'a').value.text, '1\n{{ more }}');
  });
});

describe('parseIni: empty values', () => {
  it('gives an empty value a zero-length range right after the separator', () => {
    const d = parseIni('[s]\na =\nb =    \nc:\nd=\t\n');
    assert.deepEqual(
      options(d).map((o) => [o.value.text, at(o.value.range), o.value.start === o.separator.end]),
      [
        ['', '1:3-1:3', true],
        ['', '2:3-2:3', true],
        ['', '3:2-3:2', true],
        ['', '4:2-4:2', true],
      ],
    );
    assert.deepEqual(d.problems, []);
  });
});

describe('parseIni: structure', () => {
  it('returns the line index of the text and never throws on an empty file', () => {
    const d = parseIni('');
    assert.equal(d.format, 'ini');
    assert.equal(d.lineIndex.text, '');
    assert.deepEqual([d.sections, d.orphans, d.comments, d.problems], [[], [], [], []]);
  });
});
