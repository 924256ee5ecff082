/**
 * When to start the store process again after it died: soon after a fault out of the blue, later
 * after each quick one in a row, and not at all after `maxQuickFaults` quick faults in a row (a
 * fault within `quickMs` of starting is one that starting again will most likely repeat).
 */
export type RestartSettings = {
  firstDelayMs: number;
  maxDelayMs: number;
  quickMs: number;
  maxQuickFaults: number;
};

export const DEFAULT_RESTART: RestartSettings = {
  firstDelayMs: 500,
  maxDelayMs: 8_000,
  quickMs: 60_000,
  maxQuickFaults: 4,
};

export class RestartPolicy {
  private readonly settings: RestartSettings;
  private startedAt: number | null = null;
  private quickInARow = 0;

  constructor(
    settings: Partial<RestartSettings> = {},
    private readonly ticks: () => number = () => performance.now(),
  ) {
    this.settings = { ...DEFAULT_RESTART, ...settings };
  }

  /** The store process is open and serving. */
  started(): void {
    this.startedAt = this.ticks();
  }

  /** It died: the wait before starting it again, or null to leave it down. */
  crashed(): number | null {
    const ranFor = this.startedAt === null ? 0 : this.ticks() - this.startedAt;
    this.startedAt = null;
    this.quickInARow = ranFor < this.settings.quickMs ? this.quickInARow + 1 : 1;
    if (this.quickInARow >= this.settings.maxQuickFaults) return null;
    return Math.min(this.settings.maxDelayMs, this.settings.firstDelayMs * 2 ** (this.quickInARow - 1));
  }
}
