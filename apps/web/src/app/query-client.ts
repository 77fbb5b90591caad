import { QueryClient } from '@tanstack/react-query';

/** The app's query client: data counts as fresh for a few seconds, and tabs refetch on focus. */
export function createAppQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 2000, refetchOnWindowFocus: true },
    },
  });
}
