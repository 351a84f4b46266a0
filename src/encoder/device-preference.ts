/**
 * The user's device choice (auto / WebGPU / WASM), kept in localStorage so it survives a reload.
 * The encoder client uses it for a load that does not name a device; the set-up panel writes it.
 */
import type { DevicePreference } from './device-policy';

export const DEVICE_PREFERENCE_KEY = 'xling-lab:device';

const CHOICES: readonly DevicePreference[] = ['auto', 'webgpu', 'wasm'];

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

function defaultStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage can be blocked (sandboxed frames, some privacy settings): then 'auto' it is.
    return undefined;
  }
}

/** 'auto' unless the user chose otherwise; an unknown stored value counts as 'auto'. */
export function readDevicePreference(storage: Storage | undefined = defaultStorage()): DevicePreference {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(DEVICE_PREFERENCE_KEY) ?? null;
  } catch {
    return 'auto';
  }
  return CHOICES.find((c) => c === stored) ?? 'auto';
}

export function saveDevicePreference(choice: DevicePreference, storage: Storage | undefined = defaultStorage()): void {
  try {
    storage?.setItem(DEVICE_PREFERENCE_KEY, choice);
  } catch {
    // A full or blocked storage only loses the memory of the choice, not the choice itself.
  }
}
