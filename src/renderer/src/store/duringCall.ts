/**
 * What runs beside a call for its length: its events followed into the store, its statistics'
 * sampling and the others' voices.
 * Fetched with the call layer (store/callLayer.ts), as the home screen needs neither.
 */
export { startStats, stopStats } from './statsSampling';
export { startRemoteVoices, stopRemoteVoices } from './remoteVoices';
export { followCall } from './followCall';
