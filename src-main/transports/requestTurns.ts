// The requests that arrive together start one per turn of the event loop, in the order they came.
// Node reads every socket that is ready in one pass and would run each request's handler straight
// after the other: at 100 clerks, ten calls of 3–5 ms each arriving together held the thread for
// 40–60 ms, during which nothing else — a new connection, a pushed event, a timer — was served.
// Taking turns keeps the wait of each request the same (first come, first served) while the thread
// looks up between them; the longest it is held is one request's own work.

export class RequestTurns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  /** Resolves when it is this request's turn. */
  take(): Promise<void> {
    return new Promise<void>((go) => {
      this.waiting.push(go);
      this.schedule();
    });
  }

  /** Requests waiting for their turn. */
  get queued(): number {
    return this.waiting.length;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // An immediate queued while the check phase runs waits for the next turn: one request per turn.
    setImmediate(() => {
      this.scheduled = false;
      this.waiting.shift()?.();
      if (this.waiting.length > 0) this.schedule();
    });
  }
}
