/**
 * `npm run bench`: runs every `*.bench.js` module next to this file, in name order, or only those
 * whose name contains one of the command-line arguments (`npm run bench -- dates`); arguments starting with `--` are options
 * the modules read themselves (`npm run bench -- timeml --errors`). Each module
 * exports `run(): Promise<void>` and prints its own table. Timing targets live here, never in tests.
 */

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as os from 'node:os';

async function main(): Promise<void> {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('--')); // options (`--errors`) are the modules' own
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`# Attaché benchmarks — ${cpu}, ${os.cpus().length} cores, Node ${process.version}, ${os.platform()}`);
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.bench.js')).sort();
  for (const f of files) {
    if (filters.length && !filters.some((x) => f.includes(x))) continue;
    console.log(`\n## ${f.replace(/\.bench\.js$/, '')}`);
    const mod = require(join(__dirname, f)) as { run(): Promise<void> };
    await mod.run();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
