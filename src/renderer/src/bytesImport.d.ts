/** Files imported with `?bytes` (vite/inlineBytes.ts): their contents, base64. */
declare module '*?bytes' {
  const base64: string;
  export default base64;
}
