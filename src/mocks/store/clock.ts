export interface ClockState {
  anchorRealMs: number;
  anchorSimMs: number;
  speed: number;
}

/** Simulated time: `speed` simulated milliseconds pass per real millisecond. */
export class SimClock {
  private state: ClockState;

  constructor(
    state: ClockState,
    private readonly realNow: () => number = Date.now,
  ) {
    this.state = { ...state };
  }

  static starting(simStartMs: number, speed: number, realNow: () => number = Date.now): SimClock {
    return new SimClock({ anchorRealMs: realNow(), anchorSimMs: simStartMs, speed }, realNow);
  }

  now(): number {
    return this.state.anchorSimMs + (this.realNow() - this.state.anchorRealMs) * this.state.speed;
  }

  get speed(): number {
    return this.state.speed;
  }

  setSpeed(speed: number): void {
    if (!(speed > 0) || !Number.isFinite(speed))
      throw new Error(`Clock speed must be a positive number, got ${speed}.`);
    this.state = { anchorRealMs: this.realNow(), anchorSimMs: this.now(), speed };
  }

  advance(ms: number): void {
    this.state = { ...this.state, anchorSimMs: this.state.anchorSimMs + ms };
  }

  snapshot(): ClockState {
    return { ...this.state };
  }
}
