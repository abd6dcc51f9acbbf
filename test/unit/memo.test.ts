import { describe, expect, it } from 'vitest';
import { memoised } from '../../src/core/memo';

describe('memoised', () => {
  it('computes each key once while it is remembered', () => {
    const seen: string[] = [];
    const upper = memoised(10, (k) => (seen.push(k), k.toUpperCase()));
    expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A']);
    expect(seen).toEqual(['a', 'b']);
  });

  it('starts afresh when full, so it never holds more than its limit', () => {
    const seen: string[] = [];
    const id = memoised(2, (k) => (seen.push(k), k));
    for (const k of ['a', 'b', 'c', 'a']) id(k);
    // 'c' found the memo full ('a', 'b') and started a new one: 'a' is worked out again.
    expect(seen).toEqual(['a', 'b', 'c', 'a']);
  });

  it('remembers false and empty results too', () => {
    let calls = 0;
    const no = memoised(10, () => (calls++, false));
    no('x');
    no('x');
    expect(calls).toBe(1);
  });
});
