import { Client, cacheExchange, fetchExchange } from 'urql';

const TOKEN = 'claims.token';

/** The session's JWT, kept for the tab only: closing it logs out. */
export const token = {
  get: (): string | null => sessionStorage.getItem(TOKEN),
  set: (value: string): void => sessionStorage.setItem(TOKEN, value),
  clear: (): void => sessionStorage.removeItem(TOKEN),
};

/** The one GraphQL client: every request to /api/graphql, with the session's token when there is one. */
export function makeClient(): Client {
  return new Client({
    url: '/api/graphql',
    // the server answers POST only (GET would put queries, and their filters, in access logs)
    preferGetMethod: false,
    exchanges: [cacheExchange, fetchExchange],
    fetchOptions: (): RequestInit => {
      const jwt = token.get();
      const headers: Record<string, string> = jwt ? { Authorization: `JWT ${jwt}` } : {};
      return { headers };
    },
  });
}

/** The server's words for a failed operation: its GraphQL errors' messages, or the network's. */
export function errorText(error: { graphQLErrors: { message: string }[]; networkError?: Error } | undefined): string {
  if (!error) return '';
  if (error.graphQLErrors.length > 0) return error.graphQLErrors.map((e) => e.message).join('; ');
  return error.networkError ? `The server cannot be reached (${error.networkError.message})` : 'Something went wrong';
}
