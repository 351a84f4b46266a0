import type { DevicePreference } from '../../../encoder/device-policy';
import { useApp } from '../../app-store';

const LABELS: Record<DevicePreference, string> = {
  auto: 'Automatic (fastest that agrees; no software GPU)',
  webgpu: 'WebGPU',
  wasm: 'WASM (on the processor)',
};

/** Where dense models run; an explicit choice overrides the automatic policy, and is remembered. */
export function DeviceChoice() {
  const preference = useApp((s) => s.devicePreference);
  return (
    <label className="field device-choice">
      <span className="small">Run models on</span>
      <select value={preference} onChange={(e) => useApp.getState().setDevicePreference(e.target.value as DevicePreference)} data-testid="device-choice">
        {(Object.keys(LABELS) as DevicePreference[]).map((d) => (
          <option key={d} value={d}>
            {LABELS[d]}
          </option>
        ))}
      </select>
    </label>
  );
}
