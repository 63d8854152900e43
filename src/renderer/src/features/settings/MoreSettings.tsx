/** The home screen's folded-away settings (appearance, desktop), a chunk of their own (features/home/homeParts.ts). */
import { AppearanceSettings } from './AppearanceSettings';
import { DesktopSettings } from './DesktopSettings';

export function MoreSettings() {
  return (
    <>
      <AppearanceSettings />
      <DesktopSettings />
    </>
  );
}
