import { useEffect, useEffectEvent } from 'react';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 5_000;

/**
 * Calls `onIdle` once after `minutes` without pointer or keyboard activity. Activity only stamps a
 * time; a slow interval compares it, so mouse moves cost nothing. The server enforces the same
 * timeout, so a sleeping PC that misses the interval is still locked on its next call.
 */
export function useIdleLock(minutes: number, onIdle: () => void): void {
  const fire = useEffectEvent(onIdle);
  useEffect(() => {
    let lastActivity = Date.now();
    let fired = false;
    const stamp = (): void => {
      lastActivity = Date.now();
    };
    for (const type of ACTIVITY) window.addEventListener(type, stamp, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (!fired && Date.now() - lastActivity >= minutes * 60_000) {
        fired = true;
        fire();
      }
    }, CHECK_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, stamp, { capture: true });
    };
  }, [minutes]);
}
