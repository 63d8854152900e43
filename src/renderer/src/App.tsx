import { CallScreen } from './features/call/CallScreen';
import { HomeScreen } from './features/home/HomeScreen';
import { useParley } from './store';

export function App() {
  const inCall = useParley((state) => state.phase === 'in-call');
  return inCall ? <CallScreen /> : <HomeScreen />;
}
