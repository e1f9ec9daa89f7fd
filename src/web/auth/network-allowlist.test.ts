import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { Invalid } from '../../core/errors.ts';
import { parseNetworks, registerNetworkAllowlist } from './network-allowlist.ts';

describe('the back-office network allowlist', () => {
  it('rejects a bad entry naming it', () => {
    expect(() => parseNetworks('10.0.0.0/8, 300.1.1.1')).toThrow(Invalid);
    expect(() => parseNetworks('10.0.0.0/33')).toThrow(/10\.0\.0\.0\/33/);
  });

  it('lets listed networks reach /admin and answers 404 to the rest; public pages stay open', async () => {
    const app = Fastify();
    registerNetworkAllowlist(app, '10.1.0.0/16, 127.0.0.1');
    app.get('/admin', () => 'back office');
    app.get('/', () => 'portal');
    const from = (remoteAddress: string, url: string) => app.inject({ method: 'GET', url, remoteAddress });
    expect((await from('10.1.2.3', '/admin')).statusCode).toBe(200);
    expect((await from('127.0.0.1', '/admin')).statusCode).toBe(200);
    expect((await from('::ffff:10.1.9.9', '/admin')).statusCode).toBe(200);
    expect((await from('10.2.0.1', '/admin')).statusCode).toBe(404);
    expect((await from('10.2.0.1', '/')).statusCode).toBe(200);
    // The router decodes %61 to "a": the check must follow the matched route, not the raw URL.
    expect((await from('10.2.0.1', '/%61dmin')).statusCode).toBe(404);
    expect((await from('10.1.2.3', '/%61dmin')).statusCode).toBe(200);
  });
});
