// Electron fuses for every packaged build: switches compiled into the Electron binary that no
// setting, flag or environment variable can turn back on at run time. Applied to the packaged
// binary by `node scripts/flip-fuses.mjs <path to the packaged executable>` (the packaging step
// runs it; tests/unit/packaging checks both this config and its effect on a binary).
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';

export const FUSES = {
  version: FuseVersion.V1,
  // Every fuse this Electron knows must be set here, so a new one cannot slip in at its default.
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would turn the app into a plain Node.js with the app's rights.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect would let anyone at the device run code in the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app's code is checked against the hash built into the binary, and loaded only from there.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** Flips the fuses of a packaged Electron executable and returns the wire as read back. */
export async function applyFuses(executablePath) {
  await flipFuses(executablePath, FUSES);
  return getCurrentFuseWire(executablePath);
}
