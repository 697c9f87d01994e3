import * as React from 'react';
import { isFetchError, useFetchClient } from '@strapi/strapi/admin';

/** French message of a failed admin API call: the server's message when it sent one. */
export function errorMessage(error: unknown): string {
  if (isFetchError(error)) {
    const message = error.response?.data?.error?.message;
    if (message) return message;
    if (error.status === 403) return "Vous n'avez pas accès à cette information.";
  }
  return 'Le serveur ne répond pas comme prévu : réessayez dans un instant.';
}

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  isLoading: boolean;
  reload: () => void;
  setData: (data: T) => void;
}

/** Loads `{ data }` from an admin route, again whenever `url` changes; null skips the call. */
export function useApi<T>(url: string | null): Loaded<T> {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<{ data: T | null; error: string | null; isLoading: boolean }>({ data: null, error: null, isLoading: url !== null });
  const [version, setVersion] = React.useState(0);

  React.useEffect(() => {
    if (url === null) {
      setState({ data: null, error: null, isLoading: false });
      return;
    }
    let cancelled = false;
    setState((previous) => ({ ...previous, isLoading: true, error: null }));
    get<{ data: T }>(url)
      .then((response) => {
        if (!cancelled) setState({ data: response.data.data, error: null, isLoading: false });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ data: null, error: errorMessage(error), isLoading: false });
      });
    return () => {
      cancelled = true;
    };
    // `get` is a new function at every render of the fetch client hook.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, version]);

  const reload = React.useCallback(() => setVersion((value) => value + 1), []);
  const setData = React.useCallback((data: T) => setState({ data, error: null, isLoading: false }), []);
  return { ...state, reload, setData };
}
