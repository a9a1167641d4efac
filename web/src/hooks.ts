import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** The state of a request: loading (with the last data, if any), loaded, or failed. */
export type Loadable<T> =
  | { state: 'loading'; data: T | null }
  | { state: 'ok'; data: T }
  | { state: 'error'; data: T | null; error: Error };

/**
 * Loads data whenever `key` changes, aborting the request it replaces; `reload` loads again.
 * Responses that arrive after a newer request started are dropped.
 *
 * @example
 *   const [tags] = useLoad('tags', (signal) => api.tags(signal));
 */
export function useLoad<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): [Loadable<T>, () => void, (data: T) => void] {
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading', data: null });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const controller = new AbortController();
    setValue((previous) => ({ state: 'loading', data: previous.data }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setValue({ state: 'ok', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setValue((previous) => ({
          state: 'error',
          data: previous.data,
          error: error instanceof Error ? error : new Error(String(error)),
        }));
      },
    );
    return () => controller.abort();
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const replace = useCallback((data: T) => setValue({ state: 'ok', data }), []);
  return [value, reload, replace];
}

/**
 * The value, once it has stopped changing for `delay` ms.
 *
 * @example
 *   const settled = useDebounced(text, 300);
 */
export function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/**
 * Sets the document title while a page is shown.
 *
 * @example
 *   useTitle('検索');
 */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · kirinuki`;
  }, [title]);
}
