// Preloaded by bench/runtime.ts (node --import): reports the process's peak resident memory on exit, in kB, on stderr.
process.on('exit', () => process.stderr.write(`MAXRSS ${process.resourceUsage().maxRSS}\n`));
