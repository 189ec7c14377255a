// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ALLOWED_PERMISSIONS, isPermissionAllowed } from '../../../main/permissions';

describe('isPermissionAllowed', () => {
  it('grants persistent storage (navigator.storage.persist) to the app page', () => {
    expect(isPermissionAllowed('persistent-storage', 'app://counter-steps/')).toBe(true);
  });

  it('accepts the bare origin the check handler passes', () => {
    expect(isPermissionAllowed('persistent-storage', 'app://counter-steps')).toBe(true);
  });

  it('grants fullscreen to the app page', () => {
    expect(isPermissionAllowed('fullscreen', 'app://counter-steps/index.html')).toBe(true);
  });

  it.each([
    'media',
    'notifications',
    'geolocation',
    'clipboard-read',
    'clipboard-sanitized-write',
    'openExternal',
    'hid',
    'usb',
    'serial',
    'midiSysex',
    'display-capture',
    'screen-wake-lock',
    'unknown',
  ])('denies %s even to the app page', (permission) => {
    expect(isPermissionAllowed(permission, 'app://counter-steps/')).toBe(false);
  });

  it.each([
    'https://example.com/',
    'file:///work/main/out/renderer/index.html',
    'app://other-host/',
    'app://counter-steps.evil/',
    '',
    null,
    undefined,
  ])('denies even allowed permissions to %s', (requester) => {
    expect(isPermissionAllowed('persistent-storage', requester)).toBe(false);
    expect(isPermissionAllowed('fullscreen', requester)).toBe(false);
  });

  it('allows nothing beyond persistent storage and fullscreen', () => {
    expect([...ALLOWED_PERMISSIONS].sort()).toEqual(['fullscreen', 'persistent-storage']);
  });
});
