import type restify from 'restify';

/**
 * Counts requests being handled so shutdown can stop accepting and still let every turn in
 * flight finish (a Bot Framework turn includes the reply POSTed back to the connector).
 */
export interface InflightTracker {
  readonly count: number;
  /** restify `pre` handler: counts a request from arrival until its response is done or aborted. */
  handler: restify.RequestHandler;
  /** Counts a piece of work (a turn) that may outlive its response, e.g. when the client hangs up. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Resolves when no request is in flight, or after `timeoutMs` (then `false`). */
  drained(timeoutMs: number): Promise<boolean>;
}

export function createInflightTracker(): InflightTracker {
  let count = 0;
  let waiters: Array<() => void> = [];

  const release = (): void => {
    count -= 1;
    if (count === 0) {
      const ready = waiters;
      waiters = [];
      ready.forEach((resolve) => resolve());
    }
  };

  return {
    get count() {
      return count;
    },
    handler(req, res, next) {
      count += 1;
      let done = false;
      const finish = (): void => {
        if (done) return;
        done = true;
        release();
      };
      res.once('finish', finish);
      res.once('close', finish);
      next();
    },
    track(work) {
      count += 1;
      return work.finally(release);
    },
    drained(timeoutMs) {
      if (count === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
  };
}
