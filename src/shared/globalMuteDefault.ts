/**
 * The global mute shortcut until the user picks another (an Electron accelerator; accelerator.ts
 * checks and shows them). Its own module, so the page's settings defaults do not bring the
 * accelerator code into the first script.
 */
export const DEFAULT_GLOBAL_MUTE = 'CommandOrControl+Shift+M';
