/**
 * The page's Content-Security-Policy allows no eval. zod compiles its object parsers with
 * `new Function` where it may, and only probing whether it may is reported as a CSP violation
 * even though zod catches the refusal (its own `util.allowsEval` says so). `jitless` turns the
 * probe and the compiler off: the page's schemas are small, interpreting them costs nothing that
 * shows. (The host, in Node, keeps the JIT.)
 *
 * Imported first by main.tsx, before any module can build a schema (zod probes when an object
 * schema is made). The page loads zod itself only with the call layer, so the setting is written
 * where zod keeps its configuration, a global that every copy of zod reads and `z.config()`
 * writes, rather than through `z.config()`, which would bring zod's core into the first screen.
 * noEval.test.ts holds zod to reading it, whether zod loads before or after.
 */
const ZOD_CONFIGURATION = '__zod_globalConfig';

const zodConfiguration = ((globalThis as Record<string, unknown>)[ZOD_CONFIGURATION] ??= {}) as { jitless?: boolean };
zodConfiguration.jitless = true;

// A module (imported for the line above), not a script.
export {};
