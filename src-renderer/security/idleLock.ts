import { useEffect, useRef } from 'react';

/** What counts as someone at the desk. Scrolling a grid or typing in a field both do. */
const ACTIVITY = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/**
 * Calls `onIdle` once nobody has touched mouse or keyboard for `minutes` (the idleLockMinutes
 * setting). A short check interval rather than one long timer: after the machine sleeps,
 * or a test jumps the clock, the next tick sees the wall-clock gap and locks at once.
 */
export function useIdleLock(minutes: number | null, onIdle: () => void): void {
  const last = useRef(Date.now());
  const fire = useRef(onIdle);
  fire.current = onIdle;
  useEffect(() => {
    if (!minutes || minutes <= 0) return;
    last.current = Date.now();
    const seen = () => {
      last.current = Date.now();
    };
    for (const e of ACTIVITY) window.addEventListener(e, seen, { capture: true, passive: true });
    let done = false;
    const timer = setInterval(() => {
      if (!done && Date.now() - last.current >= minutes * 60_000) {
        done = true;
        fire.current();
      }
    }, 5_000);
    return () => {
      clearInterval(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, seen, { capture: true });
    };
  }, [minutes]);
}
