/**
 * Diagnostics of an open file published before its whole folder is read
 * (issue #18): the server reads the files `readFirst` names, then publishes
 * the open files `isCompleteWithReadFirst` says are complete. Both rest on
 * what each deployment rule declares it reads (Rule.reads). Held here on every
 * fixture workspace: each rule reads no part of a deployment it does not
 * declare, and each file said complete gets, from its read-first files alone,
 * exactly the diagnostics it gets from the whole folder.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/core/rules/registry';
import type { DeploymentPart, DeploymentView } from '../../server/src/core/workspace/views';
import { fixtures, serviceFor } from './fixtureCorpus';

/** Which part of a deployment each member of DeploymentView (private ones included) belongs to. */
const PART_OF_MEMBER: Record<string, DeploymentPart> = {
  root: 'declarations',
  ml2Files: 'declarations',
  tripleoFiles: 'declarations',
  osaFiles: 'declarations',
  flat: 'declarations',
  vlan: 'declarations',
  declares: 'declarations',
  tripleoDeclares: 'declarations',
  osaDeclares: 'declarations',
  defaultDeclarations: 'declarations',
  allows: 'declarations',
  declarations: 'declarations',
  declaredNames: 'declarations',
  captureFiles: 'captures',
  captureFilesSorted: 'captures',
  observedMapped: 'captures',
  observedMappedSet: 'captures',
  agentFiles: 'agents',
  agentFilesSorted: 'agents',
  mapped: 'agents',
  mappedSet: 'agents',
  physnetMappers: 'agents',
  mappers: 'agents',
  hosts: 'hosts',
  sortedHosts: 'hosts',
  unsortedHosts: 'hosts',
};

/** A view that records which of its members are read, through methods and getters too. */
function recording(view: DeploymentView, read: Set<string>): DeploymentView {
  return new Proxy(view, {
    get(target, property, receiver) {
      if (typeof property === 'string') read.add(property);
      return Reflect.get(target, property, receiver);
    },
  });
}

describe('early diagnostics of open files', () => {
  it('the corpus is there', () => assert.ok(fixtures.length > 50 && fixtures.every((f) => f.files.length > 0)));

  it('every deployment rule reads only the parts of the deployment it declares, on every fixture file', () => {
    const violations: string[] = [];
    for (const fixture of fixtures) {
      const service = serviceFor(fixture);
      service.setFiles(fixture.files.map((f) => [f.uri, f.text]));
      for (const file of fixture.files) {
        const context = service.context(file.uri);
        if (!context?.deployment) continue;
        for (const rule of RULES) {
          if (rule.scope !== 'deployment') continue;
          const read = new Set<string>();
          const findings = rule.check({ ...context, deployment: recording(context.deployment, read) });
          const declared = rule.reads(context.file.kind);
          const where = `${rule.codes.join(',')} on ${fixture.name}/${file.relative} (${context.file.kind})`;
          for (const member of read) {
            const part = PART_OF_MEMBER[member];
            if (part === undefined) violations.push(`${where}: reads DeploymentView.${member}, which PART_OF_MEMBER does not place`);
            else if (!declared.includes(part)) violations.push(`${where}: reads ${member} (${part}), not declared`);
          }
          // Whether there is a deployment at all is decided by its declarations.
          if (findings.length > 0 && !declared.includes('declarations')) violations.push(`${where}: reports without declaring that it reads the declarations`);
        }
      }
    }
    assert.deepEqual(violations, []);
  });

  it('a file said complete with its read-first files gets exactly the diagnostics of the whole folder', () => {
    const mismatches: string[] = [];
    let early = 0;
    let total = 0;
    const earlyKinds = new Set<string>();
    for (const fixture of fixtures) {
      const whole = serviceFor(fixture);
      whole.setFiles(fixture.files.map((f) => [f.uri, f.text]));
      for (const file of fixture.files) {
        total++;
        if (!whole.isCompleteWithReadFirst(file.uri)) continue;
        early++;
        earlyKinds.add(whole.describeFile(file.uri)?.kind ?? '?');
        // As the server does it: the open document first, then what it needs, as the walk finds them.
        const partial = serviceFor(fixture);
        partial.setFile(file.uri, file.text);
        const first = partial.readFirst([file.uri]);
        const load = partial.startBulkLoad();
        load.add(fixture.files.filter((f) => f.uri !== file.uri && first(f.uri)).map((f) => [f.uri, f.text]));
        load.finish();
        assert.ok(partial.isCompleteWithReadFirst(file.uri), `${fixture.name}/${file.relative}: complete in the whole folder, not in the partial one`);
        const got = JSON.stringify(partial.getDiagnostics(file.uri));
        const want = JSON.stringify(whole.getDiagnostics(file.uri));
        if (got !== want) mismatches.push(`${fixture.name}/${file.relative}\n  early: ${got}\n  whole: ${want}`);
      }
    }
    assert.deepEqual(mismatches, []);
    // Not vacuous: most files of the corpus qualify, agents and network scripts among them.
    assert.ok(early > total / 2, `${early} of ${total} files complete early`);
    for (const kind of ['ovs-agent', 'ifcfg', 'l3-agent', 'nm-keyfile', 'os-net-config']) assert.ok(earlyKinds.has(kind), `no ${kind} file complete early`);
    // An ML2 config waits for every agent (physnet-unmapped): never early.
    assert.ok(!earlyKinds.has('ml2'));
  });
});
