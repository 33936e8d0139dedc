// The one-line result of the last approval action, shown on the inbox after the step screen
// closes, so the approver sees what happened without an extra dialog.
import { create } from 'zustand';

interface FlashState {
  message: string | null;
  show: (message: string) => void;
  clear: () => void;
}

export const useApprovalFlash = create<FlashState>((set) => ({
  message: null,
  show: (message) => set({ message }),
  clear: () => set({ message: null }),
}));
