/** Which language VS Code gives the files of a deployment. */
import * as assert from 'assert';
import { L3, ML2, NETWORK_ETH1, open } from './helpers';

suite('languages', () => {
  test('opens ifcfg-* files with the ifcfg language id', async () => {
    const document = await open(NETWORK_ETH1);
    assert.equal(document.languageId, 'ifcfg', 'contributes.languages should map ifcfg-* to the language id "ifcfg"');
  });

  test('leaves Neutron .ini files in the ini language', async () => {
    assert.equal((await open(ML2)).languageId, 'ini');
    assert.equal((await open(L3)).languageId, 'ini');
  });
});
