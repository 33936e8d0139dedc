// Who is signed in, and whether the screen is locked. The signed-in user is the actor of every
// command; a locked screen keeps the user (and everything open underneath) until unlocked.
import { create } from 'zustand';
import type { SessionUser } from '../../data/auth';
import type { EventActor } from '../../data/eventTypes';

/** Why the screen is locked: the lock screen says which ('idle' = the user was away). */
export type LockReason = 'idle' | 'manual';

interface SessionState {
  user: SessionUser | null;
  locked: boolean;
  lockReason: LockReason;
  signedIn: (user: SessionUser) => void;
  lock: (reason?: LockReason) => void;
  unlock: () => void;
  signOut: () => void;
}

export const useSessionStore = create<SessionState>((set) => ({
  user: null,
  locked: false,
  lockReason: 'idle',
  signedIn: (user) => set({ user, locked: false }),
  lock: (reason = 'idle') => set((s) => (s.user ? { locked: true, lockReason: reason } : s)),
  unlock: () => set({ locked: false }),
  signOut: () => set({ user: null, locked: false }),
}));

/** The actor for a command, or an error when no one is signed in (a bug: screens need a user). */
export function currentActor(): EventActor {
  const user = useSessionStore.getState().user;
  if (!user) throw new Error('No one is signed in');
  return { id: user.id, name: user.name, role: user.role };
}
