import { addCalendarDays } from '../../src-shared/domain/chineseDate';
import { workingDays } from './calendar';

/**
 * The court's working days over the demo's years, for moving an action off a weekend or holiday:
 * clerks act on working days only (the State Council's schedule with make-up days, as filing does).
 */
export class Workdays {
  private readonly days: string[];
  private readonly index = new Map<string, number>();

  constructor(fromYear: number, until: string) {
    const toYear = Number(until.slice(0, 4));
    this.days = [];
    for (let y = fromYear; y <= toYear; y++) this.days.push(...workingDays(y, until));
    this.days.forEach((d, i) => this.index.set(d, i));
  }

  /** The first working day on or after `date` (null past the last known working day). */
  onOrAfter(date: string): string | null {
    let d = date;
    for (let i = 0; i < 40; i++) {
      if (this.index.has(d)) return d;
      if (d > this.days[this.days.length - 1]!) return null;
      d = addCalendarDays(d, 1);
    }
    return null;
  }

  /** The last working day on or before `date` (null before the first known one). */
  onOrBefore(date: string): string | null {
    let lo = 0;
    let hi = this.days.length - 1;
    let found: string | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.days[mid]! <= date) {
        found = this.days[mid]!;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** A working day drawn evenly from [from, to] (both working days or not); null when there is none. */
  between(from: string, to: string, draw: (n: number) => number): string | null {
    const a = this.onOrAfter(from);
    const b = this.onOrBefore(to);
    if (a === null || b === null || a > b) return null;
    const i = this.index.get(a)!;
    return this.days[i + draw(this.index.get(b)! - i)]!;
  }

  /** `date` plus `n` calendar days, moved to the next working day; null when that is after the last one. */
  after(date: string, n: number): string | null {
    return this.onOrAfter(addCalendarDays(date, n));
  }

  /** `n` working days after the working day on or after `date`. */
  plusWorking(date: string, n: number): string | null {
    const start = this.onOrAfter(date);
    if (start === null) return null;
    return this.days[this.index.get(start)! + n] ?? null;
  }

  get last(): string {
    return this.days[this.days.length - 1]!;
  }
}
