// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isRequestAllowed } from '../../../main/request-policy';

describe('isRequestAllowed', () => {
  it.each([
    'app://counter-steps/',
    'app://counter-steps/assets/index-abc.js',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://counter-steps/4b0c2f0e-4d5e-4a77-9d0e-1b2c3d4e5f60',
    'devtools://devtools/bundled/inspector.html',
  ])('lets %s through', (url) => {
    expect(isRequestAllowed(url)).toBe(true);
  });

  it.each([
    'https://example.com/track.js',
    'http://127.0.0.1:5173/',
    'ws://127.0.0.1:5173/',
    'wss://example.com/',
    'ftp://example.com/x',
    'file:///etc/passwd',
    'app://other-host/',
    'blob:https://example.com/4b0c2f0e',
    'chrome://settings/',
    'not a url',
  ])('cancels %s', (url) => {
    expect(isRequestAllowed(url)).toBe(false);
  });
});
