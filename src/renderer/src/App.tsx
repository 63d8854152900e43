import { CallScreen } from './features/call/CallScreen';
import { ScreenPickerDialog } from './features/call/ScreenPickerDialog';
import { HomeScreen } from './features/home/HomeScreen';
import { useSystemInvites } from './features/home/useSystemInvites';
import { useParley } from './store';

export function App() {
  const inCall = useParley((state) => state.phase === 'in-call');
  useSystemInvites();
  return (
    <>
      {inCall ? <CallScreen /> : <HomeScreen />}
      <ScreenPickerDialog />
    </>
  );
}
