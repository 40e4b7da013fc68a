// The floor of a check (issue #18): what any tool must do to look at a
// deployment at all, and nothing more. Walks the tree (skipping what the CLI
// skips), reads every file, splits it into lines, and prints how many it saw.
// Run as its own process like the CLI, so node's start is counted in both.
//
//   node bench/floor.mjs DIR
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);
let files = 0;
let lines = 0;
const stack = [process.argv[2]];
while (stack.length) {
  const dir = stack.pop();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) stack.push(full);
    } else if (entry.isFile()) {
      lines += readFileSync(full, 'utf8').split('\n').length;
      files++;
    }
  }
}
process.stdout.write(`${files} files, ${lines} lines\n`);
