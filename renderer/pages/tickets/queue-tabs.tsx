/**
 * The queue picker: a tab list that wraps to a second row when the queues are wider than the page
 * (twelve queues in English at 1366×768). antd's Tabs hides the overflow under a "…" button placed
 * inside the tab list, which both hides queues from a person and breaks the tab list's structure
 * for a screen reader.
 */
import type { KeyboardEvent } from 'react';
import { useRef } from 'react';

type Props<K extends string> = {
  label: string;
  items: ReadonlyArray<{ key: K; label: string }>;
  active: K;
  onChange: (key: K) => void;
};

export function QueueTabs<K extends string>({ label, items, active, onChange }: Props<K>) {
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  // Arrow keys, Home and End move between tabs, as in any tab list; Tab leaves for the filters.
  const onKeyDown = (event: KeyboardEvent, index: number): void => {
    const last = items.length - 1;
    const to =
      event.key === 'ArrowRight'
        ? (index + 1) % items.length
        : event.key === 'ArrowLeft'
          ? (index + last) % items.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (to === null) return;
    event.preventDefault();
    buttons.current[to]?.focus();
    onChange(items[to]!.key);
  };
  return (
    <div role="tablist" aria-label={label} className="cd-queue-tabs">
      {items.map((item, index) => (
        <button
          key={item.key}
          ref={(el) => {
            buttons.current[index] = el;
          }}
          type="button"
          role="tab"
          className="cd-queue-tab"
          aria-selected={item.key === active}
          tabIndex={item.key === active ? 0 : -1}
          onClick={() => onChange(item.key)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
