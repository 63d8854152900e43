/**
 * What a call runs on, loaded apart from the home screen (store/callLayer.ts): the call itself
 * (mesh, peer sessions, the SFU client, chat and files) and the join made ahead, with Socket.IO.
 */
export { Call } from './call';
export { JoinPreparation } from './joinPreparation';
