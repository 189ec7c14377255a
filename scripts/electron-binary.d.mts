export type ElectronBinary =
  { available: true; executablePath: string } | { available: false; reason: string };

export function findElectronBinary(env?: NodeJS.ProcessEnv): ElectronBinary;
