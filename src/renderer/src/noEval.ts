/**
 * The page's Content-Security-Policy allows no eval. zod compiles its object parsers with
 * `new Function` where it may, and only probing whether it may is reported as a CSP violation
 * even though zod catches the refusal (its own `util.allowsEval` says so). `jitless` turns the
 * probe and the compiler off: the page's schemas are small, interpreting them costs nothing that
 * shows. Imported first by main.tsx, before anything can parse. (The host, in Node, keeps the JIT.)
 */
import { config } from 'zod/mini';

config({ jitless: true });
