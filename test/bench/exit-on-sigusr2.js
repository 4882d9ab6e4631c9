// @ts-check
// Preloaded into profiled bench servers: exit normally on SIGUSR2 so V8 writes the CPU profile.
process.once('SIGUSR2', () => process.exit(0));
