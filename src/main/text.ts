/**
 * The few words the main process shows by itself (menus and dialogs; Electron's roles bring their
 * own, translated by the system). Kept in one place so the interface's translation catalogs can
 * take them over.
 */
export const MAIN_TEXT = {
  openLogFolder: 'Open the Log Folder',
  windowKeepsFailing: {
    title: 'Parley',
    message: 'Parley’s window keeps stopping.',
    detail: 'It stopped three times within a minute, so Parley will not load it again by itself. A room you host goes on. The log folder (Help menu) has the details to send with a bug report.',
    buttons: ['Try Again', 'Quit Parley'],
  },
} as const;
