import { multiply, ratioOf, roundRatio, type Ratio } from './ratio';

/** How rule details and figures print numbers: the same text on every machine (no locale data). */

/** 300000 元 in 分 → "300,000 元". */
export function formatYuan(fen: number): string {
  return `${String(fen / 100).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} 元`;
}

/** 0.6999 → "69.99%". */
export function formatPercent(rate: number): string {
  return `${String(Math.round(rate * 10_000) / 100)}%`;
}

/** A published score: the exact value rounded half up to `decimals` places (76.666… → 76.67). */
export function roundToDecimals(value: Ratio, decimals: number): number {
  const scale = 10 ** decimals;
  return roundRatio(multiply(value, ratioOf(scale)), 'round') / scale;
}
