/**
 * What a sync round tells the open pages (docs/architecture/live-refresh.md): after each committed
 * chunk of pulled records, the `<area>.changed` of every area it touched; after a push, a refused
 * change or a record kept aside, `sync.changed`. A 250k-row initial sync commits hundreds of chunks,
 * so each event goes out at most once per `gapMs`: the first at once, the next when the gap has
 * passed (one timer per event, however many chunks touched it meanwhile), and whatever still waits
 * when the round ends goes out then, so the pages read the final state without waiting.
 */
import type { DeskEvent } from '../contract';
import type { SyncAnnouncements } from './registration';

/** A page re-reads at most four times a second because of sync, whatever the sync's size. */
export const ANNOUNCE_GAP_MS = 250;

export class Announcer {
  private readonly lastSent = new Map<DeskEvent, number>();
  private readonly waiting = new Map<DeskEvent, NodeJS.Timeout>();

  constructor(
    private readonly announcements: SyncAnnouncements,
    private readonly gapMs = ANNOUNCE_GAP_MS,
    /** Monotonic: the PC clock set back must not hold events for hours. */
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Records of these entities were written (and committed): their pages' events. */
  entitiesChanged(entities: Iterable<string>): void {
    const events = new Set<DeskEvent>();
    for (const entity of entities) for (const event of this.announcements.eventsOf(entity)) events.add(event);
    this.changed(events);
  }

  /** Each event goes out now, or when its gap has passed; one already waiting is not queued twice. */
  changed(events: Iterable<DeskEvent>): void {
    for (const event of events) {
      if (this.waiting.has(event)) continue;
      const since = this.now() - (this.lastSent.get(event) ?? Number.NEGATIVE_INFINITY);
      if (since >= this.gapMs) {
        this.send(event);
        continue;
      }
      const timer = setTimeout(() => {
        this.waiting.delete(event);
        this.send(event);
      }, this.gapMs - since);
      timer.unref();
      this.waiting.set(event, timer);
    }
  }

  /** The round ended: what waits for its gap goes out now. */
  flush(): void {
    const events = [...this.waiting.keys()];
    this.drop();
    for (const event of events) this.send(event);
  }

  /** The engine stops (a restore replaces the store: the desk announces everything itself). */
  drop(): void {
    for (const timer of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
  }

  private send(event: DeskEvent): void {
    this.lastSent.set(event, this.now());
    this.announcements.announce(event);
  }
}
