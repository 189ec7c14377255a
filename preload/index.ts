/**
 * The sandboxed preload: exposes exactly `window.counterSteps` and nothing else. Each method
 * is one `invoke` on a named channel; main parses every payload again, so nothing here is
 * trusted, and no ipcRenderer (generic send/on) ever reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from './channels';
import type {
  AppInfo,
  CounterStepsApi,
  KeepAwakeRequest,
  Result,
  BeginExportRequest,
  ExportHandleRequest,
  WriteExportRequest,
  WitnessAdvanceRequest,
  WitnessReadRequest,
  HubSettings,
  SetHubRequest,
  FirstKeyRequest,
  FirstKeyAnswer,
  CheckpointRequest,
  SignedCheckpointAnswer,
  StatementRequest,
  KeyInForceRequest,
  PrintReportRequest,
} from './contract';
import type { KeyAlgorithm } from '../core/domain/log/signing';
import type { Head } from '../core/domain/log/witness';

const counterSteps = {
  getAppInfo: () => ipcRenderer.invoke(CHANNELS.getAppInfo) as Promise<Result<AppInfo>>,
  setKeepAwake: (request: KeepAwakeRequest) =>
    ipcRenderer.invoke(CHANNELS.setKeepAwake, request) as Promise<Result<null>>,
  beginExport: (request: BeginExportRequest) =>
    ipcRenderer.invoke(CHANNELS.beginExport, request) as Promise<Result<{ handle: string }>>,
  writeExport: (request: WriteExportRequest) =>
    ipcRenderer.invoke(CHANNELS.writeExport, request) as Promise<Result<null>>,
  finishExport: (request: ExportHandleRequest) =>
    ipcRenderer.invoke(CHANNELS.finishExport, request) as Promise<Result<{ path: string }>>,
  abortExport: (request: ExportHandleRequest) =>
    ipcRenderer.invoke(CHANNELS.abortExport, request) as Promise<Result<null>>,
  readWitness: (request: WitnessReadRequest) =>
    ipcRenderer.invoke(CHANNELS.readWitness, request) as Promise<Result<Head | null>>,
  advanceWitness: (request: WitnessAdvanceRequest) =>
    ipcRenderer.invoke(CHANNELS.advanceWitness, request) as Promise<Result<null>>,
  firstKey: (request: FirstKeyRequest) =>
    ipcRenderer.invoke(CHANNELS.firstKey, request) as Promise<Result<FirstKeyAnswer>>,
  signCheckpoint: (request: CheckpointRequest) =>
    ipcRenderer.invoke(CHANNELS.signCheckpoint, request) as Promise<Result<SignedCheckpointAnswer>>,
  signStatement: (request: StatementRequest) =>
    ipcRenderer.invoke(CHANNELS.signStatement, request) as Promise<
      Result<{ algorithm: KeyAlgorithm; value: string }>
    >,
  keyInForce: (request: KeyInForceRequest) =>
    ipcRenderer.invoke(CHANNELS.keyInForce, request) as Promise<Result<number | null>>,
  openDisplay: () => ipcRenderer.invoke(CHANNELS.openDisplay) as Promise<Result<null>>,
  getHub: () => ipcRenderer.invoke(CHANNELS.getHub) as Promise<Result<HubSettings | null>>,
  setHub: (request: SetHubRequest) =>
    ipcRenderer.invoke(CHANNELS.setHub, request) as Promise<Result<null>>,
  printReport: (request: PrintReportRequest) =>
    ipcRenderer.invoke(CHANNELS.printReport, request) as Promise<Result<{ path: string | null }>>,
} satisfies CounterStepsApi;

contextBridge.exposeInMainWorld('counterSteps', counterSteps);
