/**
 * A part of the page that is not needed for its first paint (the call screen, the home screen's
 * folded-away settings, the tooltips): a chunk of its own, fetched when first drawn or ahead of
 * time (`prefetch`, when the page is idle). A part with words of its own loads them too
 * (`withLaterEnglish`, i18n/loadCatalog.ts).
 *
 * Not React.lazy: once fetched, the part is drawn in the same render that asks for it (no Suspense
 * round, so the call screen replaces the home screen without our picture's element leaving the
 * page), and a failed fetch draws `failed` with a way to try again instead of throwing, which with
 * no error boundary would take the whole page down; React.lazy would also keep the failure for good.
 */
import { useEffect, useState, type ComponentType, type ReactNode } from 'react';

export interface PartProps<P> {
  props: P;
  /** Drawn while the part is on its way. */
  loading?: ReactNode;
  /** Drawn when it could not be fetched; `retry` fetches it again. */
  failed: (detail: string, retry: () => void) => ReactNode;
}

export interface LazyPart<P> {
  Part: (partProps: PartProps<P>) => ReactNode;
  /** Fetches the part ahead of its first drawing; a failure is logged and tried again when drawn. */
  prefetch: () => void;
}

export function lazyPart<P extends object>(name: string, load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const fetchPart = (): Promise<ComponentType<P>> => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined; // the next drawing or retry fetches it again
        throw error;
      },
    );
    return loading;
  };

  function Part({ props, loading: whileLoading = null, failed }: PartProps<P>) {
    const [attempt, setAttempt] = useState(0);
    const [error, setError] = useState<string | null>(null);
    const [, setArrived] = useState<ComponentType<P> | null>(null);
    useEffect(() => {
      if (loaded) return;
      let current = true;
      fetchPart().then(
        (component) => current && setArrived(() => component),
        (reason: unknown) => {
          console.warn(`Parley: ${name} did not load`, reason);
          if (current) setError(reason instanceof Error ? reason.message : String(reason));
        },
      );
      return () => {
        current = false;
      };
    }, [attempt]);
    if (loaded) {
      const Loaded = loaded;
      return <Loaded {...props} />;
    }
    if (error !== null)
      return failed(error, () => {
        setError(null);
        setAttempt((n) => n + 1);
      });
    return whileLoading;
  }

  const prefetch = (): void => {
    fetchPart().catch((error: unknown) => console.warn(`Parley: ${name} did not load ahead of time`, error));
  };
  return { Part, prefetch };
}
