/**
 * The state store's health, shared by the storage layer (which reports each call) and /healthz.
 * After a failure the store is left alone for a short while (calls fail fast instead of each turn
 * waiting out the timeouts); the first call after that pause tries again.
 */
export class StorageHealth {
  private openUntil = 0;
  private lastFailureAt?: Date;
  private lastError?: string;
  private failing = false;

  constructor(private readonly pauseMs = 5_000, private readonly now: () => number = Date.now) {}

  /** False while the store is paused after a failure. */
  canTry(): boolean {
    return this.now() >= this.openUntil;
  }

  success(): void {
    this.failing = false;
    this.openUntil = 0;
  }

  failure(error: unknown): void {
    this.failing = true;
    this.lastFailureAt = new Date(this.now());
    const described = error as { name?: string; code?: string; statusCode?: number } | undefined;
    this.lastError = String(described?.code ?? described?.statusCode ?? described?.name ?? 'error');
    this.openUntil = this.now() + this.pauseMs;
  }

  report(): { status: 'ok' | 'degraded'; lastFailureAt?: string; lastError?: string } {
    return {
      status: this.failing ? 'degraded' : 'ok',
      ...(this.lastFailureAt ? { lastFailureAt: this.lastFailureAt.toISOString(), lastError: this.lastError } : {}),
    };
  }
}
