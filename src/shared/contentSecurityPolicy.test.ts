import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, developmentContentSecurityPolicy } from './contentSecurityPolicy';

const NONCE = 'q0V1bmQ9dGVzdC1ub25jZQ+/==';

const directives = (policy: string): Map<string, string> =>
  new Map(policy.split('; ').map((directive) => [directive.slice(0, directive.indexOf(' ')), directive.slice(directive.indexOf(' ') + 1)]));

describe('the packaged content security policy', () => {
  it('is exactly as strict as it always was, with WebAssembly compilation and never eval', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self' http: https: ws: wss:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it("never allows JavaScript from strings: 'wasm-unsafe-eval' is not 'unsafe-eval'", () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
  });

  it('is not changed by building a development policy', () => {
    const before = CONTENT_SECURITY_POLICY;
    developmentContentSecurityPolicy(NONCE);
    expect(CONTENT_SECURITY_POLICY).toBe(before);
    expect(CONTENT_SECURITY_POLICY).not.toContain('nonce');
  });
});

describe('developmentContentSecurityPolicy', () => {
  it('adds the nonce to script-src and style-src and changes nothing else', () => {
    const packaged = directives(CONTENT_SECURITY_POLICY);
    const development = directives(developmentContentSecurityPolicy(NONCE));
    expect([...development.keys()]).toEqual([...packaged.keys()]);
    expect(development.get('script-src')).toBe(`'self' 'wasm-unsafe-eval' 'nonce-${NONCE}'`);
    expect(development.get('style-src')).toBe(`'self' 'nonce-${NONCE}'`);
    for (const [name, sources] of packaged) {
      if (name !== 'script-src' && name !== 'style-src') expect(development.get(name), name).toBe(sources);
    }
  });

  it('never allows inline code or eval wholesale', () => {
    expect(developmentContentSecurityPolicy(NONCE)).not.toMatch(/'unsafe-|strict-dynamic|\*/);
  });

  it('accepts a nonce as the dev server makes them (16 random bytes, base64) and base64url', () => {
    expect(() => developmentContentSecurityPolicy('AAECAwQFBgcICQoLDA0ODw==')).not.toThrow();
    expect(() => developmentContentSecurityPolicy('AAECAwQFBgcICQoLDA0ODw_-')).not.toThrow();
  });

  it.each([
    ['empty', ''],
    ['too short to be random enough', 'abc123'],
    ['a quote that would end the source', `${NONCE}' 'unsafe-inline`],
    ['a semicolon that would start a directive', `${NONCE}; script-src *`],
    ['a space', `${NONCE} https:`],
    ['a newline (header splitting)', `${NONCE}\r\nX-Evil: 1`],
    ['padding in the middle', 'AAECAwQFBgcI=CQoLDA0ODw=='],
    ['non-ASCII', `${NONCE}é`],
  ])('refuses a nonce that is %s', (_what, nonce) => {
    expect(() => developmentContentSecurityPolicy(nonce)).toThrow(/nonce/);
  });
});
