/**
 * The icons Parley uses, from lucide-react, each imported by its own path so the bundle holds only
 * these (the package's `icons` map would pull in every icon). All are SVG, bundled: nothing is
 * fetched at run time. Icons are decoration: the control around one always has a name.
 */
export { default as Mic } from 'lucide-react/icons/mic';
export { default as MicOff } from 'lucide-react/icons/mic-off';
export { default as Video } from 'lucide-react/icons/video';
export { default as VideoOff } from 'lucide-react/icons/video-off';
export { default as ScreenShare } from 'lucide-react/icons/screen-share';
export { default as ScreenShareOff } from 'lucide-react/icons/screen-share-off';
export { default as MessageSquare } from 'lucide-react/icons/message-square';
export { default as Users } from 'lucide-react/icons/users';
export { default as Ellipsis } from 'lucide-react/icons/ellipsis';
export { default as PhoneOff } from 'lucide-react/icons/phone-off';
export { default as Settings } from 'lucide-react/icons/settings';
export { default as ChartLine } from 'lucide-react/icons/chart-line';
export { default as CircleDot } from 'lucide-react/icons/circle-dot';
export { default as LayoutGrid } from 'lucide-react/icons/layout-grid';
export { default as ChevronUp } from 'lucide-react/icons/chevron-up';
export { default as X } from 'lucide-react/icons/x';
export { default as Pin } from 'lucide-react/icons/pin';
export { default as PinOff } from 'lucide-react/icons/pin-off';
export { default as Camera } from 'lucide-react/icons/camera';
export { default as UserX } from 'lucide-react/icons/user-x';
export { default as Crown } from 'lucide-react/icons/crown';
export { default as Copy } from 'lucide-react/icons/copy';
export { default as Lock } from 'lucide-react/icons/lock';
export { default as LockOpen } from 'lucide-react/icons/lock-open';
export { default as Keyboard } from 'lucide-react/icons/keyboard';
export type { LucideIcon as Icon } from 'lucide-react';
export { default as Maximize2 } from 'lucide-react/icons/maximize-2';
export { default as PictureInPicture2 } from 'lucide-react/icons/picture-in-picture-2';
export { default as Hand } from 'lucide-react/icons/hand';
export { default as SmilePlus } from 'lucide-react/icons/smile-plus';
export { default as Volume2 } from 'lucide-react/icons/volume-2';
export { default as VolumeX } from 'lucide-react/icons/volume-x';
