import { CallScreen } from './features/call/CallScreen';
import { ScreenPickerDialog } from './features/call/ScreenPickerDialog';
import { HomeScreen } from './features/home/HomeScreen';
import { useSystemInvites } from './features/home/useSystemInvites';
import { useTheme } from './features/ui/useTheme';
import { useParley } from './store';

export function App() {
  const inCall = useParley((state) => state.phase === 'in-call');
  useSystemInvites();
  useTheme();
  return (
    <>
      {inCall ? <CallScreen /> : <HomeScreen />}
      <ScreenPickerDialog />
    </>
  );
}
