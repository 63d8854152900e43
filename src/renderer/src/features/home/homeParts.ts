/**
 * The home screen's folded-away sections: not drawn until opened, so their code (and words) are
 * chunks of their own, fetched when the page is idle (App.tsx), so opening one shows it at once.
 */
import { withLaterEnglish } from '../../i18n/loadCatalog';
import { lazyPart } from '../../ui/lazyPart';

export const moreSettings = lazyPart('the appearance and desktop settings', () => withLaterEnglish(import('../settings/MoreSettings')).then((module) => module.MoreSettings));
export const networkSettings = lazyPart('the network settings', () => withLaterEnglish(import('./NetworkSettings')).then((module) => module.NetworkSettings));

export function prefetchHomeParts(): void {
  moreSettings.prefetch();
  networkSettings.prefetch();
}
