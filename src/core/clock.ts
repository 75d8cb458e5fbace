// Features read time from a Clock so tests can move time instead of waiting.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to. */
export class TestClock implements Clock {
  #now: Date;
  constructor(start: Date | string) {
    this.#now = new Date(start);
  }
  now(): Date {
    return new Date(this.#now);
  }
  set(to: Date | string): void {
    this.#now = new Date(to);
  }
  advance(ms: number): void {
    this.#now = new Date(this.#now.getTime() + ms);
  }
}

/**
 * The console's clock: starts at a chosen instant (BOT_NOW) or the real now,
 * then flows with real time, and can be moved forward (never back) by the
 * console's /clock. Time is kept as an offset from the underlying clock, so a
 * TestClock underneath makes it stand still between moves (tests).
 */
export class SimulatedClock implements Clock {
  #offset: number;

  constructor(
    start?: Date,
    private readonly real: Clock = systemClock,
  ) {
    this.#offset = start ? start.getTime() - real.now().getTime() : 0;
  }

  now(): Date {
    return new Date(this.real.now().getTime() + this.#offset);
  }

  /** Jumps to `to`; a RangeError if that is in the past (jobs already run cannot be undone). */
  moveTo(to: Date): void {
    if (Number.isNaN(to.getTime())) throw new RangeError('SimulatedClock: not a date');
    if (to.getTime() < this.now().getTime()) {
      throw new RangeError(`SimulatedClock: cannot move back from ${this.now().toISOString()} to ${to.toISOString()}`);
    }
    this.#offset = to.getTime() - this.real.now().getTime();
  }
}

export const SEOUL = 'Asia/Seoul';
