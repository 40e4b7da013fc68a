import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  NEWEST_RELEASE,
  OLDEST_RELEASE,
  RELEASES,
  compareReleases,
  isAtOrAfter,
  labelOf,
  nextRelease,
  parseRelease,
  release,
} from '../../../server/src/core/catalog/releases';

describe('releases', () => {
  test('runs from Icehouse to 2026.1 in order', () => {
    assert.equal(OLDEST_RELEASE.id, 'icehouse');
    assert.equal(NEWEST_RELEASE.id, '2026.1');
    assert.equal(RELEASES.length, 25);
    RELEASES.forEach((r, i) => assert.equal(r.index, i));
    assert.deepEqual(
      RELEASES.slice(17).map((r) => [r.id, r.codename, r.neutron]),
      [
        ['zed', 'Zed', '21'],
        ['2023.1', 'Antelope', '22'],
        ['2023.2', 'Bobcat', '23'],
        ['2024.1', 'Caracal', '24'],
        ['2024.2', 'Dalmatian', '25'],
        ['2025.1', 'Epoxy', '26'],
        ['2025.2', 'Flamingo', '27'],
        ['2026.1', 'Gazpacho', '28'],
      ],
    );
  });

  test('parses the ways people write a release', () => {
    const cases: [string, string][] = [
      ['zed', 'zed'],
      ['Zed', 'zed'],
      [' ZED ', 'zed'],
      ['21', 'zed'],
      ['21.0.0', 'zed'],
      ['21.2.1', 'zed'],
      ['stable/zed', 'zed'],
      ['unmaintained/zed', 'zed'],
      ['zed-eom', 'zed'],
      ['2023.1', '2023.1'],
      ['antelope', '2023.1'],
      ['Antelope', '2023.1'],
      ['2023.1 (Antelope)', '2023.1'],
      ['22', '2023.1'],
      ['gazpacho', '2026.1'],
      ['28.0.0', '2026.1'],
      ['icehouse', 'icehouse'],
      ['2014.1', 'icehouse'],
      ['2014.1.3', 'icehouse'],
      ['2015.1.0', 'kilo'],
      ['7', 'liberty'],
      ['7.0.0', 'liberty'],
      ['Mitaka', 'mitaka'],
    ];
    for (const [input, id] of cases) assert.equal(parseRelease(input)?.id, id, input);
  });

  test('rejects what is not a known release', () => {
    for (const input of ['', '  ', 'any', 'havana', 'master', '2026.2', '29', '6', '2023.1 (Bobcat)', 'zedd', undefined, null]) {
      assert.equal(parseRelease(input as string), undefined, String(input));
    }
  });

  test('compares releases', () => {
    assert.ok(compareReleases('stein', 'rocky') > 0);
    assert.ok(compareReleases('zed', '2023.1') < 0);
    assert.equal(compareReleases(release('train'), 'train'), 0);
    assert.ok(isAtOrAfter('2024.1', '2024.1'));
    assert.ok(!isAtOrAfter('yoga', 'zed'));
    assert.equal(nextRelease('zed')?.id, '2023.1');
    assert.equal(nextRelease('2026.1'), undefined);
    assert.equal(labelOf('2025.1'), '2025.1 (Epoxy)');
    assert.equal(labelOf('stein'), 'Stein');
  });
});
