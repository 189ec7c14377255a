import type { Page } from '@playwright/test';

export function freePort(): Promise<number>;
export function quantiles(values: readonly (number | null | undefined)[]): {
  n: number;
  p50: number;
  p95: number;
  p99: number;
};
export function appPage(
  page: Page,
): Promise<Record<string, (...args: never[]) => Promise<unknown>>>;
