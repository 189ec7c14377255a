/**
 * IPC channel names, in a module of their own with no imports, so the sandboxed preload bundles
 * these few strings and not the zod schemas of contract.ts.
 */
export const CHANNELS = {
  getAppInfo: 'app:get-info',
  setKeepAwake: 'power:set-keep-awake',
  beginExport: 'export:begin',
  writeExport: 'export:write',
  finishExport: 'export:finish',
  abortExport: 'export:abort',
  readWitness: 'witness:read',
  advanceWitness: 'witness:advance',
  firstKey: 'keys:first',
  signCheckpoint: 'keys:checkpoint',
  signStatement: 'keys:statement',
  keyInForce: 'keys:in-force',
  openDisplay: 'display:open',
  getHub: 'hub:get',
  setHub: 'hub:set',
  printReport: 'report:print',
} as const;
