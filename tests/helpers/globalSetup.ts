import { bundleForNode } from './bundle';

// The upload worker (src-main/services/uploads/worker.ts) is a separate build entry that uploads are
// read in — never in the request thread, tests included. Bundled once per run; the test processes
// inherit its path.
export default async function setup(): Promise<void> {
  if (!process.env.ZHIXING_UPLOAD_WORKER) process.env.ZHIXING_UPLOAD_WORKER = await bundleForNode('src-main/services/uploads/worker.ts');
}
