import { useEffect, useState } from 'preact/hooks';
import { routeOf, type Route } from './lib/routes.js';

const NAVIGATED = 'kirinuki:navigated';

/**
 * Goes to a path inside the app without reloading (history.pushState, or replaceState for
 * `replace`, e.g. a search box keeping ?q= current as you type).
 *
 * @example
 *   navigate('/app/search?q=停戦');
 */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.dispatchEvent(new Event(NAVIGATED));
}

/**
 * The current route, updated on navigate() and on the browser's back and forward.
 *
 * @example
 *   const route = useRoute();
 */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(location.pathname, location.search));
  useEffect(() => {
    const update = (): void => setRoute(routeOf(location.pathname, location.search));
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATED, update);
    };
  }, []);
  return route;
}

/**
 * Whether a click on an in-app link should be handled by the app (a plain left click), rather
 * than by the browser (new tab, new window, download).
 *
 * @example
 *   if (isPlainClick(event)) { event.preventDefault(); navigate(href); }
 */
export function isPlainClick(event: MouseEvent): boolean {
  return (
    event.button === 0 &&
    !event.metaKey &&
    !event.ctrlKey &&
    !event.shiftKey &&
    !event.altKey &&
    !event.defaultPrevented
  );
}
