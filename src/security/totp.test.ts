import { generateSync } from 'otplib';
import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  recoveryCodeMatches,
  totpCode,
  totpQrSvg,
  totpStep,
  totpUri,
  verifyTotp,
} from './totp.ts';

// RFC 6238 Appendix B uses the ASCII seed "12345678901234567890" for SHA-1.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890', 'ascii'));
const at = (seconds: number) => new Date(seconds * 1000);

describe('base32', () => {
  it('follows the RFC 4648 test vectors (without padding)', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(Buffer.from(plain))).toBe(encoded);
      expect(base32Decode(encoded).toString()).toBe(plain);
    }
    expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('accepts secrets copied by hand and rejects foreign characters', () => {
    expect(base32Decode('mzxw 6ytb oi======').toString()).toBe('foobar');
    expect(() => base32Decode('MZXW1')).toThrow(/base32/);
  });
});

describe('totpCode', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('matches RFC 6238 Appendix B (SHA-1) at T = %i', (seconds, expected) => {
    expect(totpCode(RFC_SECRET, at(seconds), 8)).toBe(expected);
    expect(totpCode(RFC_SECRET, at(seconds))).toBe(expected.slice(-6));
  });

  it('agrees with otplib, which authenticator apps are tested against', () => {
    for (let i = 0; i < 20; i++) {
      const secret = newTotpSecret();
      const seconds = 1_700_000_000 + i * 7919;
      expect(totpCode(secret, at(seconds))).toBe(generateSync({ secret, epoch: seconds }));
    }
  });
});

describe('verifyTotp', () => {
  // A fixed secret and time keep the codes of neighbouring steps known and distinct.
  const secret = RFC_SECRET;
  const seconds = 1_773_475_215; // 2026-03-14T08:00:15Z, half-way through a step
  const now = at(seconds);
  const step = totpStep(now);
  const codeAt = (offsetSteps: number) => totpCode(secret, at(seconds + offsetSteps * 30));

  it('has distinct codes in the neighbouring steps (precondition of the tests below)', () => {
    expect(new Set([-2, -1, 0, 1, 2].map(codeAt)).size).toBe(5);
  });

  it('accepts the current code and returns its time step', () => {
    expect(verifyTotp(secret, codeAt(0), now)).toEqual({ ok: true, step });
  });

  it('accepts the previous and next step within the window, and reports which', () => {
    expect(verifyTotp(secret, codeAt(-1), now)).toEqual({ ok: true, step: step - 1 });
    expect(verifyTotp(secret, codeAt(1), now)).toEqual({ ok: true, step: step + 1 });
  });

  it('rejects codes outside the window', () => {
    expect(verifyTotp(secret, codeAt(-2), now)).toEqual({ ok: false });
    expect(verifyTotp(secret, codeAt(2), now)).toEqual({ ok: false });
    expect(verifyTotp(secret, codeAt(-2), now, 2)).toEqual({ ok: true, step: step - 2 });
    expect(verifyTotp(secret, codeAt(-1), now, 0)).toEqual({ ok: false });
  });

  it('rejects a code for another secret', () => {
    const other = base32Encode(Buffer.from('09876543210987654321'));
    expect(totpCode(other, now)).not.toBe(codeAt(0));
    expect(verifyTotp(other, codeAt(0), now, 0)).toEqual({ ok: false });
  });

  it('rejects a code of the wrong length and non-digits', () => {
    const code = codeAt(0);
    expect(verifyTotp(secret, code.slice(1), now)).toEqual({ ok: false });
    expect(verifyTotp(secret, `${code}0`, now)).toEqual({ ok: false });
    expect(verifyTotp(secret, totpCode(secret, now, 8), now)).toEqual({ ok: false });
    expect(verifyTotp(secret, 'abcdef', now)).toEqual({ ok: false });
    expect(verifyTotp(secret, '', now)).toEqual({ ok: false });
  });

  it('ignores spaces that people type between the digit groups', () => {
    const code = codeAt(0);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toEqual({ ok: true, step });
  });

  it('refuses an unreasonable window', () => {
    expect(() => verifyTotp(secret, '123456', now, 100)).toThrow(/窗口/);
    expect(() => verifyTotp(secret, '123456', now, -1)).toThrow(/窗口/);
  });
});

describe('newTotpSecret and totpUri', () => {
  it('makes 20-byte base32 secrets that differ', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(secret);
  });

  it('writes an otpauth URI with the issuer and account URL-encoded', () => {
    const uri = totpUri('JBSWY3DPEHPK3PXP', '张三@沈阳市 皇姑区');
    const url = new URL(uri);
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe('/公开 Gongkai:张三@沈阳市 皇姑区');
    expect(uri).not.toMatch(/[ 张公]/);
    expect(url.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXP');
    expect(url.searchParams.get('issuer')).toBe('公开 Gongkai');
    expect(url.searchParams.get('algorithm')).toBe('SHA1');
    expect(url.searchParams.get('digits')).toBe('6');
    expect(url.searchParams.get('period')).toBe('30');
  });

  it('keeps a colon in the account name from splitting the label', () => {
    const uri = totpUri('JBSWY3DPEHPK3PXP', 'a:b', 'Org');
    expect(new URL(uri).pathname).toBe('/Org:a%3Ab');
  });
});

describe('totpQrSvg', () => {
  it('renders the URI as an SVG QR code', async () => {
    const svg = await totpQrSvg(totpUri(newTotpSecret(), 'editor@example.gov.cn'));
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('<path');
    expect(svg.trimEnd()).toMatch(/<\/svg>$/);
  });
});

describe('recovery codes', () => {
  it('makes distinct xxxx-xxxx codes without ambiguous characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
    expect(newRecoveryCodes(3)).toHaveLength(3);
    expect(() => newRecoveryCodes(0)).toThrow();
  });

  it('matches a code against its hash, forgiving case, spaces and the hyphen', () => {
    const [code = ''] = newRecoveryCodes(1);
    const hash = hashRecoveryCode(code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(code.replace('-', ''));
    expect(recoveryCodeMatches(code, hash)).toBe(true);
    expect(recoveryCodeMatches(` ${code.toUpperCase().replace('-', ' ')} `, hash)).toBe(true);
    expect(recoveryCodeMatches(code.replace('-', ''), hash)).toBe(true);
  });

  it('does not match another code or malformed input', () => {
    const [a = '', b = ''] = newRecoveryCodes(2);
    expect(recoveryCodeMatches(b, hashRecoveryCode(a))).toBe(false);
    expect(recoveryCodeMatches('', hashRecoveryCode(a))).toBe(false);
    expect(recoveryCodeMatches('abcd-efg0', hashRecoveryCode(a))).toBe(false);
    expect(recoveryCodeMatches(a, 'not a hash')).toBe(false);
    expect(() => hashRecoveryCode('abcd')).toThrow(/xxxx-xxxx/);
  });
});
