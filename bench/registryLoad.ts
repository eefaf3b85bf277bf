/**
 * The child process of `registry.bench.ts`: loads one registry file (parse, validate, cross-file
 * checks, snapshot) and builds its entity index, then prints one JSON line with the times (wall
 * and CPU: the machine may be shared) and the process's peak RSS after the load and after the index. A child of its own, so that the
 * peak RSS is this load's alone, not the generator's or an earlier load's.
 */

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadRegistry } from '../server/src/core/registry';
import { buildEntityIndex } from '../server/src/core/entities';

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Peak resident set size in MB: VmHWM where /proc has it, else what Node reports. */
function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

const file = process.argv[2];
const text = readFileSync(file, 'utf8');
const w0 = performance.now();
const c0 = cpuMs();
const snapshot = loadRegistry([{ path: file, text }]);
const w1 = performance.now();
const c1 = cpuMs();
const loadPeakRssMb = peakRssMb();
const index = buildEntityIndex(snapshot);
const w2 = performance.now();
const c2 = cpuMs();
const findings = [...snapshot.files.values()].reduce((n, f) => n + f.findings.length, 0);
console.log(JSON.stringify({
  entities: snapshot.entities.size, findings, indexed: index.registry === snapshot,
  loadMs: w1 - w0, loadCpuMs: c1 - c0, loadPeakRssMb, indexMs: w2 - w1, indexCpuMs: c2 - c1, peakRssMb: peakRssMb(),
}));
