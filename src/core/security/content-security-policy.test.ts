import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, corpusUrlAllowed } from './content-security-policy';

describe('contentSecurityPolicy', () => {
  it('gives the header the whole policy, with no eval, no plugins, no framing and no base tag', () => {
    expect(contentSecurityPolicy({ delivery: 'header' })).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
        "connect-src 'self' https://huggingface.co https://*.huggingface.co https://*.hf.co https://raw.githubusercontent.com; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });

  it('leaves frame-ancestors out of the meta tag, where browsers ignore it', () => {
    const meta = contentSecurityPolicy({ delivery: 'meta' });
    expect(meta).not.toContain('frame-ancestors');
    expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval';");
  });

  it("adds the dev server's nonce to scripts and styles only", () => {
    const dev = contentSecurityPolicy({ delivery: 'header', nonce: 'abc' });
    expect(dev).toContain("script-src 'self' 'wasm-unsafe-eval' 'nonce-abc';");
    expect(dev).toContain("style-src 'self' 'nonce-abc';");
    expect(dev.match(/nonce/g)).toHaveLength(2);
  });
});

describe('corpusUrlAllowed', () => {
  const page = 'https://lab.example.org/app/';
  it('allows the page itself, relative URLs and the preset host', () => {
    expect(corpusUrlAllowed('/data/demo/', page)).toBe(true);
    expect(corpusUrlAllowed('https://lab.example.org/other/', page)).toBe(true);
    expect(corpusUrlAllowed('https://raw.githubusercontent.com/google-research-datasets/lareqa/master/xquad-r/', page)).toBe(true);
  });

  it('refuses any other host, the preset host over http, another port, and subdomains the policy does not name', () => {
    expect(corpusUrlAllowed('https://example.com/corpus/', page)).toBe(false);
    expect(corpusUrlAllowed('http://raw.githubusercontent.com/x/', page)).toBe(false);
    expect(corpusUrlAllowed('https://raw.githubusercontent.com:8443/x/', page)).toBe(false);
    expect(corpusUrlAllowed('https://evil.githubusercontent.com/x/', page)).toBe(false);
    expect(corpusUrlAllowed('https://lab.example.org:444/x/', page)).toBe(false);
  });

  it("matches the hub's redirect hosts at any depth, not look-alikes", () => {
    expect(corpusUrlAllowed('https://cas-bridge.xethub.hf.co/x', page)).toBe(true);
    expect(corpusUrlAllowed('https://cdn-lfs-us-1.huggingface.co/x', page)).toBe(true);
    expect(corpusUrlAllowed('https://nothf.co/x', page)).toBe(false);
    expect(corpusUrlAllowed('https://huggingface.co.evil.com/x', page)).toBe(false);
  });
});
