/**
 * Tells a hung store process from a busy one (docs/architecture/store-process.md). The shell pings
 * the store every `everyMs`; the store answers from its event loop, which a long sync or a backup
 * turns between chunks, so a busy store still answers within a fraction of a second. A store whose
 * loop never turns (an endless loop, a deadlock) leaves a ping unanswered; once one has waited
 * `timeoutMs` while calls wait for an answer, the store is declared hung.
 *
 * Time is the shell's own monotonic clock (`performance.now()`: the PC clock set back changes
 * nothing). A tick that comes much later than planned means the shell itself was stalled or the
 * PC slept; the store got no time either, so the ping is sent again rather than counted against it.
 */

export type WatchdogSettings = {
  /** How often a ping goes out (and how often the answer is checked). */
  everyMs: number;
  /** How long a ping may stay unanswered, while calls wait, before the store counts as hung. */
  timeoutMs: number;
};

export const DEFAULT_WATCHDOG: WatchdogSettings = { everyMs: 2_000, timeoutMs: 20_000 };

export type WatchdogHooks = {
  ping(id: number): void;
  /** Whether any call (or update-gate question) waits for the store's answer. */
  waiting(): boolean;
  hung(silentMs: number): void;
};

export class Watchdog {
  private readonly settings: WatchdogSettings;
  private timer: NodeJS.Timeout | null = null;
  private nextId = 1;
  private outstanding: { id: number; sentAt: number } | null = null;
  private lastTick = 0;
  private slowest = 0;
  private last: number | null = null;

  constructor(
    private readonly hooks: WatchdogHooks,
    settings: Partial<WatchdogSettings> = {},
    private readonly ticks: () => number = () => performance.now(),
  ) {
    this.settings = { ...DEFAULT_WATCHDOG, ...settings };
  }

  /** A store process is ready: watch it (the previous one's ping, if any, is forgotten). */
  start(): void {
    this.stop();
    this.lastTick = this.ticks();
    this.send();
    this.timer = setInterval(() => this.tick(), this.settings.everyMs);
    // The watchdog alone never keeps the shell alive.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.outstanding = null;
  }

  /** The store answered ping `id`. */
  answered(id: number): void {
    if (this.outstanding?.id !== id) return;
    const took = this.ticks() - this.outstanding.sentAt;
    this.last = took;
    this.slowest = Math.max(this.slowest, took);
    this.outstanding = null;
  }

  /** Round trips of the pings answered so far: how long the store's loop kept a ping waiting. */
  stats(): { lastMs: number | null; slowestMs: number } {
    return { lastMs: this.last === null ? null : +this.last.toFixed(1), slowestMs: +this.slowest.toFixed(1) };
  }

  private tick(): void {
    const now = this.ticks();
    const late = now - this.lastTick > 3 * this.settings.everyMs;
    this.lastTick = now;
    if (!this.outstanding || late) {
      this.send();
      return;
    }
    const silentMs = now - this.outstanding.sentAt;
    if (silentMs >= this.settings.timeoutMs && this.hooks.waiting()) {
      this.stop();
      this.hooks.hung(silentMs);
    }
  }

  private send(): void {
    const id = this.nextId++;
    this.outstanding = { id, sentAt: this.ticks() };
    this.hooks.ping(id);
  }
}
