import { useEffect } from 'react';
import { platform } from '../../platform';
import { useParley } from '../../store';

/**
 * Invite links the operating system opened the app with (at launch, or later through the
 * single-instance hand-over) fill the join form. During a call the form is filled all the same,
 * behind the call, and the user is told it is ready for when they leave.
 */
export function useSystemInvites(): void {
  useEffect(() => {
    const invites = platform().invites;
    if (!invites) return;
    const take = async (): Promise<void> => {
      const taken = await invites.take();
      if (!taken.ok || !taken.data) return;
      const { phase, applyInvite, showNotice } = useParley.getState();
      if (applyInvite(taken.data) && phase === 'in-call') {
        showNotice('notices.inviteReady');
      }
    };
    void take();
    return invites.onReceived(() => void take());
  }, []);
}
