import type { FuseConfig, FuseV1Options } from '@electron/fuses';
export declare const FUSES: FuseConfig;
export declare function applyFuses(
  executablePath: string,
): Promise<{ version: string } & Partial<Record<FuseV1Options, number>>>;
