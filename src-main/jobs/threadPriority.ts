import { platform, setPriority } from 'node:os';

// Worker threads that render documents or read a year of metrics run below the request thread: on a
// 2-core server the render threads of a 1,000-case batch otherwise take the cores from the thread
// that answers every clerk, and each of its turns waits behind them. On Linux (UOS, Kylin, Debian) a
// thread's nice value is its own (setpriority on the calling thread); on Windows it would lower the
// whole process, the request thread with it, so there the threads stay as they are.

const BACKGROUND_NICE = 10;

/**
 * The court server's request thread, where the system allows it (root, CAP_SYS_NICE, or the systemd
 * unit's LimitNICE=-5). Lowering the batch threads alone was not enough: the scheduler also shares
 * the cores with V8's own helper threads and the file threads, all at normal priority, and at 100
 * clerks the request thread waited 70–90 ms a second for a core, a single wait reaching 50–90 ms.
 */
const REQUEST_NICE = -5;

export function runThisThreadInBackground(): void {
  if (platform() !== 'linux') return;
  try {
    setPriority(BACKGROUND_NICE);
  } catch {
    // not permitted in this environment: the thread runs at normal priority
  }
}

/**
 * Raises the calling thread (the server's request thread, before it starts any worker) to
 * REQUEST_NICE; returns the nice value it runs at. Threads it starts later inherit the value — the
 * write worker, a clerk's own document renders, libuv's file threads, all work a clerk waits for —
 * except the background ones, which lower themselves (runThisThreadInBackground).
 */
export function raiseRequestThread(): number {
  if (platform() !== 'linux') return 0;
  try {
    setPriority(REQUEST_NICE);
    return REQUEST_NICE;
  } catch {
    // not permitted (an ordinary user without LimitNICE): normal priority
    return 0;
  }
}
