import { describe, expect, it } from 'vitest';
import { DEVICE_PREFERENCE_KEY, readDevicePreference, saveDevicePreference } from './device-preference';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) } as Storage;
}

describe('device preference', () => {
  it("is 'auto' until the user chooses, then what they chose", () => {
    const storage = memoryStorage();
    expect(readDevicePreference(storage)).toBe('auto');
    saveDevicePreference('webgpu', storage);
    expect(readDevicePreference(storage)).toBe('webgpu');
    saveDevicePreference('wasm', storage);
    expect(readDevicePreference(storage)).toBe('wasm');
  });

  it("reads an unknown value or a storage that throws as 'auto'", () => {
    const storage = memoryStorage();
    storage.setItem(DEVICE_PREFERENCE_KEY, 'cuda');
    expect(readDevicePreference(storage)).toBe('auto');
    const blocked = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(readDevicePreference(blocked)).toBe('auto');
    expect(() => saveDevicePreference('wasm', blocked)).not.toThrow();
    expect(readDevicePreference(undefined)).toBe('auto');
  });
});
