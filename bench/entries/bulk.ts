// `node <bundle> <dataDir> <cases> [seed]`: builds the benchmark court with buildBulkDatabase and
// prints one JSON line with its counts (used by bench/lib/fixtures.mjs; other benches reuse the file).
import { buildBulkDatabase } from '../../src-main/demo/bulk';

const [dataDir, count, seed] = process.argv.slice(2);
if (!dataDir || !count) throw new Error('usage: bulk <dataDir> <cases> [seed]');
const result = await buildBulkDatabase({
  dataDir,
  cases: Number(count),
  ...(seed ? { seed: Number(seed) } : {}),
  adminPassword: 'bench-pass-1',
  onProgress: (done, total) => process.stderr.write(`bulk ${done}/${total}\n`),
});
console.log(JSON.stringify(result));
