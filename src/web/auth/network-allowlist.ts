// The optional list of networks from which the back office may be used (e.g. the agency's intranet
// and its dedicated computers). Outside it, /admin answers like a page that does not exist.
import { BlockList, isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { isBackOfficeRequest } from './back-office.ts';
import { Invalid } from '../../core/errors.ts';

/** Parses "10.0.0.0/8, 192.168.1.10, ::1" into a list; throws Invalid naming the bad entry. */
export function parseNetworks(text: string): BlockList {
  const list = new BlockList();
  for (const entry of text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address = '', prefixText] = entry.split('/');
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (family === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > max) {
      throw new Invalid(
        'ADMIN_ALLOWED_NETWORKS',
        `ADMIN_ALLOWED_NETWORKS 中的“${entry}”不是有效的地址或网段（如 10.0.0.0/8）`,
      );
    }
    list.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
  }
  return list;
}

function allowed(list: BlockList, ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip)?.[1];
  const address = mapped ?? ip;
  return list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

export function registerNetworkAllowlist(app: FastifyInstance, networks: string | null): void {
  if (networks === null) return;
  const list = parseNetworks(networks);
  app.addHook('onRequest', (request, reply, done) => {
    if (!isBackOfficeRequest(request) || allowed(list, request.ip)) {
      done();
      return;
    }
    request.log.warn({ ip: request.ip }, 'back office refused outside the allowed networks');
    reply.callNotFound();
  });
}
