#!/usr/bin/env node
// Long property-test runs: `npm run fuzz -- --runs 1000000 [--seed 42] [--only parsers|service|faces]`.
// Builds, compiles the tests, then runs test/property with FUZZ_RUNS and FUZZ_SEED set; a failure
// prints the seed and the shrunk counterexample (replay with the same --seed).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Number(option('runs') ?? 10000);
const seed = option('seed') ?? String(Date.now() % 2 ** 31);
const only = option('only');
if (!Number.isInteger(runs) || runs <= 0) {
  console.error('usage: npm run fuzz -- --runs N [--seed S] [--only parsers|service|faces]');
  process.exit(2);
}
const sh = (command, commandArgs, env = process.env) => {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
sh('npm', ['run', '-s', 'build']);
sh('npm', ['run', '-s', 'compile-tests']);
const dir = path.join('out', 'test', 'property');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.property.test.js') && (!only || f.startsWith(`${only}.`)));
if (files.length === 0) {
  console.error(`no property tests match --only ${only}`);
  process.exit(2);
}
console.log(`fuzz: ${runs.toLocaleString('en-US')} runs per property, seed ${seed}, ${files.join(', ')}`);
const started = Date.now();
sh(process.execPath, ['--test', ...files.map((f) => path.join(dir, f))], { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: seed });
console.log(`fuzz: done in ${Math.round((Date.now() - started) / 1000)} s, no failure`);
