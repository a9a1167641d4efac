type Listener = (message: string) => void;
const listeners = new Set<Listener>();

/**
 * Says something in the app's status line (an aria-live region), e.g. "Accepted".
 *
 * @example
 *   announce('Copied the Markdown digest');
 */
export function announce(message: string): void {
  for (const listener of listeners) listener(message);
}

/**
 * Listens to announcements; returns the function that stops listening.
 *
 * @example
 *   const stop = onAnnounce((message) => setStatus(message));
 */
export function onAnnounce(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
