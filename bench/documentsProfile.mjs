// Profiling aid for the documents engine (not part of `npm run bench`): CPU per case of three notices,
// part by part, in one thread. `node bench/documentsProfile.mjs 100`.
import { execFileSync } from 'node:child_process';
import { bundleForNode } from './lib/bundle.mjs';

const entry = await bundleForNode('bench/entries/documentsProfile.ts', 'documentsProfile');
execFileSync(process.execPath, [...(process.env.PROF_NODE_ARGS ? process.env.PROF_NODE_ARGS.split(' ') : []), entry, process.argv[2] ?? '100'], { stdio: 'inherit' });
