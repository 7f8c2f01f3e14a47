// Links taken from documents and datasets are untrusted: only http(s) becomes clickable,
// so a `javascript:` or `data:` URL in an article can never run.
export function safeUrl(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
