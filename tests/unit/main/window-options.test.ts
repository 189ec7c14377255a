// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildWindowOptions } from '../../../main/window-options';

const preloadPath = '/opt/counter-steps/out/preload/index.cjs';

describe('buildWindowOptions', () => {
  it('locks the renderer down: isolated, sandboxed, no Node, web security on', () => {
    const { webPreferences } = buildWindowOptions({ preloadPath, kiosk: false, devTools: false });
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });

  it('points the preload at the built CommonJS file it was given', () => {
    expect(
      buildWindowOptions({ preloadPath, kiosk: false, devTools: false }).webPreferences.preload,
    ).toBe(preloadPath);
  });

  it('turns spellcheck off and paints the app background before first render', () => {
    const options = buildWindowOptions({ preloadPath, kiosk: false, devTools: false });
    expect(options.webPreferences.spellcheck).toBe(false);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.show).toBe(false);
  });

  it('opens as a normal window when kiosk mode is off', () => {
    const options = buildWindowOptions({ preloadPath, kiosk: false, devTools: false });
    expect(options.kiosk).toBe(false);
    expect(options.fullscreen).toBe(false);
  });

  it('opens in kiosk and fullscreen when kiosk mode is on', () => {
    const options = buildWindowOptions({ preloadPath, kiosk: true, devTools: false });
    expect(options.kiosk).toBe(true);
    expect(options.fullscreen).toBe(true);
    expect(options.webPreferences.backgroundThrottling).toBe(false);
  });

  it('keeps the security switches identical in kiosk mode', () => {
    const normal = buildWindowOptions({
      preloadPath,
      kiosk: false,
      devTools: false,
    }).webPreferences;
    const kiosk = buildWindowOptions({ preloadPath, kiosk: true, devTools: false }).webPreferences;
    expect({ ...kiosk, backgroundThrottling: null }).toEqual({
      ...normal,
      backgroundThrottling: null,
    });
  });
});

describe('DevTools', () => {
  it('are off in the window unless the development flag turned them on', () => {
    expect(
      buildWindowOptions({ preloadPath, kiosk: false, devTools: false }).webPreferences.devTools,
    ).toBe(false);
    expect(
      buildWindowOptions({ preloadPath, kiosk: true, devTools: false }).webPreferences.devTools,
    ).toBe(false);
    expect(
      buildWindowOptions({ preloadPath, kiosk: false, devTools: true }).webPreferences.devTools,
    ).toBe(true);
  });
});
