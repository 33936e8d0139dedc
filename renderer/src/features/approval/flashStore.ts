// The one-line result of the last approval action, shown on the inbox after the step screen
// closes, so the approver sees what happened without an extra dialog. It belongs to the user who
// acted: the next user signing in at this station never sees it (nor does the same user after a
// sign-out and back — the moment has passed).
import { create } from 'zustand';
import { useSessionStore } from '../../app/stores/sessionStore';

interface FlashState {
  message: string | null;
  /** Who acted: the message is shown to this user only. */
  owner: string | null;
  show: (message: string) => void;
  clear: () => void;
}

export const useApprovalFlash = create<FlashState>((set) => ({
  message: null,
  owner: null,
  show: (message) => set({ message, owner: useSessionStore.getState().user?.id ?? null }),
  clear: () => set({ message: null, owner: null }),
}));

// Any change of who is signed in (a sign-out, a sign-in) ends the moment the message was about.
useSessionStore.subscribe((s, before) => {
  if (s.user?.id !== before.user?.id) useApprovalFlash.getState().clear();
});

/** The message for the user signed in now, or null. */
export function useFlashMessage(): string | null {
  const userId = useSessionStore((s) => s.user?.id ?? null);
  return useApprovalFlash((s) => (s.message !== null && s.owner === userId ? s.message : null));
}
