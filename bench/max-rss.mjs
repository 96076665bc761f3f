// Preloaded by bench/runtime.ts (node --import): reports the process's peak resident memory on exit, in kB, on stderr.
// VmHWM, not resourceUsage().maxRSS: on Linux the latter carries over the parent's peak across fork and exec, so a
// child of a large benchmark process would report the benchmark's memory rather than its own.
import { readFileSync } from 'node:fs';

function peakKb() {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => process.stderr.write(`MAXRSS ${peakKb()}\n`));
