/** Where the store's times come from: the wall clock for records, a monotonic one for durations. */
export interface Clock {
  /** Wall-clock epoch milliseconds. */
  now(): number;
  /** Monotonic milliseconds since `boot` began. */
  mono(): number;
  boot: string;
}

export const browserClock: Clock = {
  now: () => Date.now(),
  mono: () => performance.now(),
  boot: globalThis.crypto.randomUUID(),
};
