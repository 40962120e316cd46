// Preloaded into a server under test (`node --expose-gc --import <this file> …`): on SIGUSR2 it collects
// garbage and writes its memory as one line on stderr, `KNEEWISE_MEMORY {"rss":…,"heapUsed":…}`, so a test
// can tell memory that is kept from garbage not yet collected. Test-only; the product never loads it.
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  globalThis.gc?.();
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  const line = JSON.stringify({
    rss,
    heapUsed,
    heapTotal,
    external,
    arrayBuffers,
    gc: typeof globalThis.gc === 'function',
  });
  process.stderr.write(`KNEEWISE_MEMORY ${line}\n`);
});
