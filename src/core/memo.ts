// Per-string memos for the engine's hot lookups (a class attribute's words, a
// class word's role, a name key's consonants). Pages and articles repeat the
// same strings thousands of times; the memo is bounded and starts afresh when
// full, so a long-lived content script or service worker never grows it
// without end.

/** `compute`, remembered per key for up to `limit` keys at a time. */
export function memoised<V>(limit: number, compute: (key: string) => V): (key: string) => V {
  let cache = new Map<string, V>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) {
      if (cache.size >= limit) cache = new Map();
      cache.set(key, (v = compute(key)));
    }
    return v;
  };
}
