import { courtToday } from '../../src-shared/domain/chineseDate';

/**
 * The application's clock. Deadlines and metrics read time only through it, so a test (started
 * with --test-clock) can move the clock forward and watch a case go overdue.
 */
export class Clock {
  private offsetMs = 0;
  /** Set only while the demo generator replays a past day (replayAt): time stands still, so replays are reproducible. */
  private frozenMs: number | null = null;
  constructor(readonly settable = false) {}

  now(): Date {
    return new Date(this.frozenMs ?? Date.now() + this.offsetMs);
  }
  nowIso(): string {
    return this.now().toISOString();
  }
  /** Today's date in court-local time (Asia/Shanghai), YYYY-MM-DD. */
  today(): string {
    return courtToday(this.now());
  }
  set(iso: string | null): void {
    if (!this.settable) throw new Error('clock is not settable');
    this.offsetMs = iso === null ? 0 : new Date(iso).getTime() - Date.now();
  }

  /**
   * Internal, never reachable through the API: the demo generator replays the court's past on any
   * app (settable or not), stopping the clock at each day's work and letting it run again from
   * `offset` afterwards.
   */
  get offset(): number {
    return this.offsetMs;
  }
  replayAt(at: Date | null, restoreOffset = 0): void {
    if (at === null) {
      this.frozenMs = null;
      this.offsetMs = restoreOffset;
    } else this.frozenMs = at.getTime();
  }
}
