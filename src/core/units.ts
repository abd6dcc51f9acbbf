// Units of measurement: which CLDR units the vocabulary recognises, and how to
// bring a value to its dimension's base unit, so that "10 inches" and "25 cm"
// (translators convert units) can be seen to say the same thing.

export type Dimension = 'length' | 'mass' | 'area' | 'volume' | 'speed' | 'temperature' | 'duration' | 'data';

interface UnitDef {
  dimension: Dimension;
  /** Base units per one of this unit (base: metre, kilogram, m², litre, m/s, °C, second, byte). */
  factor: number;
  /** Added after scaling (only temperature needs it). */
  offset?: number;
}

const DAY = 86_400;

/** CLDR simple (and sanctioned compound) unit identifiers, as accepted by Intl.NumberFormat style 'unit'. */
export const UNITS: Readonly<Record<string, UnitDef>> = {
  millimeter: { dimension: 'length', factor: 0.001 },
  centimeter: { dimension: 'length', factor: 0.01 },
  meter: { dimension: 'length', factor: 1 },
  kilometer: { dimension: 'length', factor: 1000 },
  inch: { dimension: 'length', factor: 0.0254 },
  foot: { dimension: 'length', factor: 0.3048 },
  yard: { dimension: 'length', factor: 0.9144 },
  mile: { dimension: 'length', factor: 1609.344 },
  gram: { dimension: 'mass', factor: 0.001 },
  kilogram: { dimension: 'mass', factor: 1 },
  ounce: { dimension: 'mass', factor: 0.028349523125 },
  pound: { dimension: 'mass', factor: 0.45359237 },
  stone: { dimension: 'mass', factor: 6.35029318 },
  tonne: { dimension: 'mass', factor: 1000 },
  hectare: { dimension: 'area', factor: 10_000 },
  acre: { dimension: 'area', factor: 4046.8564224 },
  'square-kilometer': { dimension: 'area', factor: 1e6 },
  'square-meter': { dimension: 'area', factor: 1 },
  'square-mile': { dimension: 'area', factor: 2_589_988.110336 },
  milliliter: { dimension: 'volume', factor: 0.001 },
  liter: { dimension: 'volume', factor: 1 },
  gallon: { dimension: 'volume', factor: 3.785411784 },
  'fluid-ounce': { dimension: 'volume', factor: 0.0295735295625 },
  'kilometer-per-hour': { dimension: 'speed', factor: 1000 / 3600 },
  'mile-per-hour': { dimension: 'speed', factor: 1609.344 / 3600 },
  'meter-per-second': { dimension: 'speed', factor: 1 },
  celsius: { dimension: 'temperature', factor: 1 },
  fahrenheit: { dimension: 'temperature', factor: 5 / 9, offset: -32 * (5 / 9) },
  second: { dimension: 'duration', factor: 1 },
  minute: { dimension: 'duration', factor: 60 },
  hour: { dimension: 'duration', factor: 3600 },
  day: { dimension: 'duration', factor: DAY },
  week: { dimension: 'duration', factor: 7 * DAY },
  month: { dimension: 'duration', factor: 30.436875 * DAY },
  year: { dimension: 'duration', factor: 365.2425 * DAY },
  kilobyte: { dimension: 'data', factor: 1e3 },
  megabyte: { dimension: 'data', factor: 1e6 },
  gigabyte: { dimension: 'data', factor: 1e9 },
  terabyte: { dimension: 'data', factor: 1e12 },
};

/** Units whose names Intl.NumberFormat knows (the area compounds and 'tonne' are not all sanctioned everywhere). */
export const INTL_UNITS: readonly string[] = Object.keys(UNITS).filter((u) => {
  try {
    new Intl.NumberFormat('en', { style: 'unit', unit: u });
    return true;
  } catch {
    return false;
  }
});

/** The value in its dimension's base unit, or undefined for an unknown unit. */
export function toBase(value: number, unit: string): { dimension: Dimension; value: number } | undefined {
  const def = UNITS[unit];
  if (!def) return undefined;
  return { dimension: def.dimension, value: value * def.factor + (def.offset ?? 0) };
}

/**
 * Whether two measurements say the same thing once converted, within a
 * relative tolerance that covers a translator's rounding ("10 inches" ≈ "25 cm").
 */
export function sameQuantity(a: number, unitA: string, b: number, unitB: string, tolerance = 0.05): boolean {
  const x = toBase(a, unitA);
  const y = toBase(b, unitB);
  if (!x || !y || x.dimension !== y.dimension) return false;
  const scale = Math.max(Math.abs(x.value), Math.abs(y.value));
  return scale === 0 || Math.abs(x.value - y.value) <= tolerance * scale;
}
