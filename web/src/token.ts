// The session's API token: taken once from `?token=` (the link `entente serve` prints),
// kept in sessionStorage so it dies with the tab, and wiped from the address bar.
const KEY = 'entente.token';

export function captureToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(KEY, fromUrl);
    url.searchParams.delete('token');
    // Keep the token out of history, bookmarks and screenshots of the address bar.
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(KEY);
}

export function currentToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}
