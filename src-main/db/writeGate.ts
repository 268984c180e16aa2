// The database has one writer at a time. A large commit (a 1,000-case batch: a second of inserts,
// events and clocks) runs on the write worker's own connection (jobs/writePool.ts) so the request
// thread keeps answering; while it holds the write lock, the request thread must not start a write of
// its own — better-sqlite3 would wait for the lock *synchronously*, freezing every client. Writers on
// the request thread therefore wait here, asynchronously, first: the registry before every method
// that writes, the session store and the schedules before theirs. Reads never wait.

export class WriteGate {
  private held: Promise<void> | null = null;
  /** Writers waiting for the gate to open, in the order they came. */
  private readonly waiters: (() => void)[] = [];
  /** Transactions begun on this thread while the gate was held: each waited inside SQLite (the server's stats log shows them). */
  missed = 0;

  /** True while an off-thread commit holds the write lock. */
  get busy(): boolean {
    return this.held !== null;
  }

  /** Resolves once no off-thread commit holds the write lock (at once when none does). */
  async idle(): Promise<void> {
    if (!this.held) return;
    await new Promise<void>((ok) => this.waiters.push(ok));
  }

  /** Runs `work` (an off-thread commit) holding the gate: one at a time, writers of this thread waiting. */
  async hold<T>(work: () => Promise<T>): Promise<T> {
    // Checked and taken in one synchronous step after each wake-up: two holders never both pass.
    while (this.held) await this.held;
    let release!: () => void;
    this.held = new Promise<void>((ok) => (release = ok));
    try {
      return await work();
    } finally {
      this.held = null;
      release();
      this.letWritersIn();
    }
  }

  /**
   * The writers that waited go on one per turn of the event loop, not all at once: twenty writes
   * queued behind a batch's registration, let through together, were 60–100 ms of work before the
   * thread could answer anyone else. A holder that takes the gate again stops the rest until it is done.
   */
  private letWritersIn(): void {
    if (this.held) return;
    this.waiters.shift()?.();
    if (this.waiters.length > 0) setImmediate(() => this.letWritersIn());
  }
}
