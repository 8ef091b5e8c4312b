/**
 * A fixed-window counter per key (the client address). Bounded: when the table is full, windows
 * that have ended are dropped first, then the oldest entries. Pure apart from the injected clock.
 */
export interface RateDecision {
  allowed: boolean;
  /** Seconds until the caller may try again (for Retry-After); 0 when allowed. */
  retryAfterSeconds: number;
}

export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): RateDecision {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.delete(key);
      this.makeRoom(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= this.limit) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000)) };
    }
    window.count += 1;
    return { allowed: true, retryAfterSeconds: 0 };
  }

  get size(): number {
    return this.windows.size;
  }

  private makeRoom(now: number): void {
    if (this.windows.size < this.maxKeys) return;
    // Insertion order is window start order, so ended windows sit at the front.
    for (const [key, window] of this.windows) {
      if (this.windows.size < this.maxKeys && now - window.start < this.windowMs) break;
      this.windows.delete(key);
    }
  }
}
