import { platform, setPriority } from 'node:os';

// Worker threads that render documents or read a year of metrics run below the request thread: on a
// 2-core server the render threads of a 1,000-case batch otherwise take the cores from the thread
// that answers every clerk, and each of its turns waits behind them. On Linux (UOS, Kylin, Debian) a
// thread's nice value is its own (setpriority on the calling thread); on Windows it would lower the
// whole process, the request thread with it, so there the threads stay as they are.

const BACKGROUND_NICE = 10;

export function runThisThreadInBackground(): void {
  if (platform() !== 'linux') return;
  try {
    setPriority(BACKGROUND_NICE);
  } catch {
    // not permitted in this environment: the thread runs at normal priority
  }
}
