import type { Request, Response, Next } from 'restify';
import { errorBody } from './httpErrors';
import { InflightRequests } from './inflightRequests';

/**
 * Graceful shutdown under keep-alive. Every request is counted from arrival to its last byte, so
 * shutdown can wait for exactly those. Once stopping, a request that arrives (typically on a
 * keep-alive connection a channel still holds open) is refused at once with 503 and Retry-After,
 * before any work, so a channel that retries gets no duplicate; and every response carries
 * `Connection: close`, so each connection ends with the reply it is carrying.
 */
export class ShutdownGate {
  private readonly inflight = new InflightRequests();
  private stopping = false;

  /** @param passThrough paths still served while stopping (the bot's own replies, health). */
  constructor(private readonly passThrough: (path: string) => boolean) {}

  get size(): number {
    return this.inflight.size;
  }

  /** A restify `pre` handler. */
  readonly handle = (req: Request, res: Response, next: Next): void => {
    const done = this.inflight.begin();
    res.once('close', done);
    res.once('finish', done);
    if (!this.stopping) {
      next();
      return;
    }
    res.setHeader('Connection', 'close');
    if (this.passThrough(req.getPath())) {
      next();
      return;
    }
    req.resume();
    res.header('Retry-After', '1');
    res.send(503, errorBody(503, 'The service is restarting; please try again'));
    next(false);
  };

  /** Refuse new work from now on; resolves true once every request in progress has finished. */
  stop(timeoutMs: number): Promise<boolean> {
    this.stopping = true;
    return this.inflight.drain(timeoutMs);
  }
}
