/** opencc-js ships its dictionaries (dist/esm-lib/dict/*.js, "source target|…" strings) without type declarations. */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
