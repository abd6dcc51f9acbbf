import { describe, expect, it } from 'vitest';
import { asciiDigit, baselineFlags, digitMultiset, digitRuns, digitZero } from '../bench/baseline';

describe('digit normalisation', () => {
  it.each([
    ['٣', '3'], // Arabic-Indic
    ['۷', '7'], // Persian
    ['७', '7'], // Devanagari
    ['৫', '5'], // Bengali
    ['๙', '9'], // Thai
    ['၄', '4'], // Myanmar
    ['５', '5'], // fullwidth
    ['x', 'x'],
  ])('%s → %s', (ch, ascii) => expect(asciiDigit(ch)).toBe(ascii));

  it('knows the zero of a digit set', () => {
    expect(digitZero('٣')).toBe(0x660);
    expect(digitZero('a')).toBeUndefined();
  });
});

describe('digitRuns', () => {
  it('joins separators inside a number, not plain spaces between numbers', () => {
    const runs = digitRuns('Trade of 523.7 milyon, 1,500 units, 10 20 and 2\u00A0000 in ٢٠٢٣.');
    expect(runs.map((r) => r.text)).toEqual(['523.7', '1,500', '10', '20', '2\u00A0000', '٢٠٢٣']);
    expect(runs.map((r) => r.digits)).toEqual(['5237', '1500', '10', '20', '2000', '2023']);
    expect(runs[0]).toMatchObject({ start: 9, end: 14 });
  });

  it('treats decimal comma and point alike once separators are stripped', () => {
    expect(digitMultiset('523,7 milyon')).toEqual(digitMultiset('$523.7 million'));
  });

  it('sorts the multiset', () => {
    expect(digitMultiset('2023: 303 and 1.7')).toEqual(['17', '2023', '303']);
  });
});

describe('baselineFlags', () => {
  const en = ['Trade rose 1.7% to $523.7 million in 2023.'];
  const refs = [en, ['Le commerce a augmenté de 1,7 % à 523,7 millions de dollars en 2023.'], ['Der Handel stieg 2023 um 1,7 % auf 523,7 Millionen Dollar.']];

  it('passes a faithful translation', () => {
    expect(baselineFlags(['Ticarət 2023-cü ildə 1.7% artaraq 523.7 milyon dollara çatıb.'], refs)).toEqual([]);
  });

  it('misses swapped figures: the digits are all still there', () => {
    expect(baselineFlags(['Ticarət 523.7-cü ildə 1.7 milyon dollar artaraq 2023% çatıb.'], refs)).toEqual([]);
  });

  it('catches a changed digit', () => {
    expect(baselineFlags(['Ticarət 2023-cü ildə 1.7% artaraq 528.7 milyon dollara çatıb.'], refs)).toEqual([0]);
  });

  it('raises the CJK false alarm: 2000万 is 20 million', () => {
    const zh = ['该国有2000万人口。'];
    const r = [['The country has 20 million people.'], ['Le pays compte 20 millions d’habitants.'], ['Das Land hat 20 Millionen Einwohner.']];
    expect(baselineFlags(zh, r)).toEqual([0]);
  });

  it('flags only when a strict majority of the references disagree', () => {
    const cur = ['Up 5% in 2020.'];
    expect(baselineFlags(cur, [['Up 5% in 2020.'], ['Up 5% in 2020.'], ['Up 6% in 2020.']])).toEqual([]);
    expect(baselineFlags(cur, [['Up 5% in 2020.'], ['Up 6% in 2020.'], ['Up 6% in 2020.']])).toEqual([0]);
  });

  it('compares a paragraph only with references that have it', () => {
    expect(baselineFlags(['a', 'Up 5%.'], [['a', 'Up 5%.'], ['a']])).toEqual([]);
    expect(baselineFlags(['a', 'Up 5%.'], [['a', 'Up 6%.'], ['a']])).toEqual([1]);
    expect(baselineFlags(['a', 'b', 'Up 5%.'], [['a', 'b']])).toEqual([]);
  });
});
