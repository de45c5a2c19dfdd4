import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspHash, inlineScripts, inlineStyleHashes, originsFromEnv } from '../../launch/csp.ts';

describe('the built app Content-Security-Policy', () => {
  it('allows scripts, workers and connections only from the app itself by default', () => {
    const policy = contentSecurityPolicy();
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("connect-src 'self';");
    expect(policy).toContain("worker-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).not.toContain('unsafe');
  });

  it('adds the host’s FHIR and authorization servers to connect-src', () => {
    const policy = contentSecurityPolicy({
      connectSrc: originsFromEnv('https://fhir.ehr-a.example, https://auth.ehr-a.example'),
    });
    expect(policy).toContain("connect-src 'self' https://fhir.ehr-a.example https://auth.ehr-a.example;");
  });

  it('carries frame-ancestors in the header but not in the meta element (which ignores it)', () => {
    expect(contentSecurityPolicy({ delivery: 'header', frameAncestors: ['https://ehr-a.example'] })).toMatch(
      /frame-ancestors 'self' https:\/\/ehr-a\.example$/,
    );
    expect(contentSecurityPolicy({ delivery: 'meta', frameAncestors: ['https://ehr-a.example'] })).not.toContain(
      'frame-ancestors',
    );
  });

  it('hashes inline styles exactly and finds inline scripts but not module scripts with src', () => {
    const html = '<style>body{margin:0}</style><script type="module" src="./a.js"></script><script>alert(1)</script>';
    expect(inlineStyleHashes(html)).toEqual([cspHash('body{margin:0}')]);
    expect(cspHash('body{margin:0}')).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
    expect(inlineScripts(html)).toEqual(['<script>alert(1)</script>']);
    expect(contentSecurityPolicy({ styleHashes: inlineStyleHashes(html) })).toContain(
      `style-src 'self' '${cspHash('body{margin:0}')}'`,
    );
  });
});
