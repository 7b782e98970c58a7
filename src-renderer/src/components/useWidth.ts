import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The content width of an element, following resizes; charts take it as a prop. It is 0 until
 * measured, and charts wait for it: drawing them once at a guessed width costs a second render.
 */
export function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}
