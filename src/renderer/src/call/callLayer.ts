/**
 * What a call runs on, loaded apart from the home screen (store/callLayer.ts): the call itself
 * (mesh, peer sessions, the SFU client, chat and files), the join made ahead, with Socket.IO, and
 * the join form's check, with zod, and the STUN/TURN settings' check.
 */
export { Call } from './call';
export { JoinPreparation } from './joinPreparation';
export { checkJoinForm } from './joinForm';
export { parseIceServers } from '../../../shared/iceServers';
