/** MediaPipe's ES-module loader for its wasm (no types of its own): the factory tasks-vision calls. */
declare module '@mediapipe/tasks-vision/vision_wasm_module_internal.js' {
  const ModuleFactory: (module?: object) => Promise<unknown>;
  export default ModuleFactory;
}
