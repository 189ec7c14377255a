/**
 * The single-writer lock over one device's log, across tabs and windows (the Web Locks API) and
 * always in order within this page, so two quick taps never both decide on the same state.
 *
 * Asking the browser for a Web Lock is a round trip to another process, several milliseconds on a
 * busy tablet: more than the write itself. So a page that got the lock keeps it between commands,
 * and lets go only when another page asks for it: a page that cannot have it at once says so on a
 * BroadcastChannel (again and again while it waits, so a request made while the holder was between
 * holding and asking is not lost), and the holder releases it once its work in hand is done. While
 * a page holds the lock nobody else appends, so its state in memory is the log's; the append's own
 * head check stays as the last word (a writer without Web Locks, records removed underneath).
 */
const ASK_AGAIN_MS = 50;

export class WriterLock {
  private tail: Promise<unknown> = Promise.resolve();
  /** Set while this page holds the Web Lock: ends the hold when called. */
  private release: (() => void) | null = null;
  private wanted = false;
  private pending = 0;
  private readonly channel: BroadcastChannel | null;

  constructor(private readonly name: string) {
    // Without Web Locks (Node, an old browser) the in-page order and the head check are all.
    this.channel =
      typeof BroadcastChannel === 'undefined' || !this.locks()
        ? null
        : new BroadcastChannel(`counter-steps:writer:${name}`);
    if (this.channel) {
      this.channel.onmessage = () => {
        this.wanted = true;
        this.releaseIfIdle();
      };
    }
  }

  /** Runs `work` with the log to itself. */
  run<T>(work: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const step = async (): Promise<T> => {
      try {
        await this.hold();
        return await work();
      } finally {
        this.pending -= 1;
        this.releaseIfIdle();
      }
    };
    const result = this.tail.then(step, step);
    this.tail = result.catch(() => undefined);
    return result;
  }

  close(): void {
    this.channel?.close();
    this.wanted = true;
    this.pending = 0;
    this.releaseIfIdle();
  }

  private locks(): LockManager | undefined {
    return (globalThis.navigator as Navigator | undefined)?.locks;
  }

  /** Resolves once this page holds the Web Lock (at once when it still holds it). */
  private async hold(): Promise<void> {
    const locks = this.locks();
    if (!locks || this.release) return;
    this.wanted = false;
    let held = false;
    const granted = new Promise<void>((resolve) => {
      const keep = () => {
        held = true;
        resolve();
        return new Promise<void>((done) => (this.release = done));
      };
      void locks.request(this.name, { ifAvailable: true }, (lock) => {
        if (lock) return keep();
        // Another page holds it: ask it to let go, until it does.
        const ask = () => {
          if (!held) this.channel?.postMessage('want');
        };
        ask();
        const asking = setInterval(ask, ASK_AGAIN_MS);
        void locks.request(this.name, () => {
          clearInterval(asking);
          return keep();
        });
        return undefined;
      });
    });
    await granted;
  }

  private releaseIfIdle(): void {
    if (!this.wanted || this.pending > 0 || !this.release) return;
    const release = this.release;
    this.release = null;
    this.wanted = false;
    release();
  }
}
