// The print mode of one certificate on this station: derived from the settings (layout,
// certificate printer, the remembered choice) each render, so an administrator's change in
// 打印设置 shows at once; choosing remembers the choice for the next certificate of that kind.
import { create } from 'zustand';
import { settingsSchema } from '../../../../electron/contract';
import { useSettingsStore } from '../../app/settingsStore';
import type { CertificateKind } from '../../print/templates/Certificates';
import {
  initialPrintMode,
  overlayReadiness,
  rememberedModesOf,
  rememberPatch,
  settingsHoldPrintModes,
  type CertificatePrintMode,
  type RememberedModes,
} from './printMode';

// Session memory, used only while the settings contract has no key for the choice (printMode.ts).
const useSessionModes = create<{
  modes: RememberedModes;
  remember: (kind: CertificateKind, mode: CertificatePrintMode) => void;
}>((set) => ({
  modes: {},
  remember: (kind, mode) => set((s) => ({ modes: { ...s.modes, [kind]: mode } })),
}));

export function usePrintMode(kind: CertificateKind) {
  const settings = useSettingsStore((s) => s.settings);
  const save = useSettingsStore((s) => s.save);
  const session = useSessionModes((s) => s.modes[kind]);
  const rememberInSession = useSessionModes((s) => s.remember);
  const readiness = overlayReadiness(settings, kind);
  const mode = initialPrintMode(readiness, rememberedModesOf(settings)[kind] ?? session);

  const choose = (next: CertificatePrintMode) => {
    rememberInSession(kind, next);
    if (settingsHoldPrintModes(settingsSchema.shape)) {
      // A failed save only loses the memory of the choice, never the print: the session keeps it.
      save(rememberPatch(settings, kind, next)).catch(() => undefined);
    }
  };
  return { mode, readiness, choose };
}
