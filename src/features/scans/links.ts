// The links of a published item's rich-text body, sorted into the platform's own addresses (which the
// dead-link scan can check against the database) and external ones. External links are never fetched:
// the server may have no internet access and probing other sites is not its business, so they are only
// counted. Pure functions.
import { Parser } from 'htmlparser2';

/** A resolved address inside this platform that the scan knows how to check. */
export type InternalTarget =
  | { readonly kind: 'item'; readonly path: string; readonly itemId: number }
  | {
      readonly kind: 'attachment';
      readonly path: string;
      readonly itemId: number;
      readonly attachmentId: number;
    }
  | { readonly kind: 'unit'; readonly path: string; readonly unitId: number };

export interface BodyLinks {
  readonly internal: readonly InternalTarget[];
  /** http(s) links to other sites. */
  readonly external: number;
}

/** Every href of an `a` and src of an `img`, in document order. */
export function linkAddresses(html: string): string[] {
  const addresses: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const address = name === 'a' ? attributes.href : name === 'img' ? attributes.src : undefined;
        if (address !== undefined && address.trim() !== '') addresses.push(address.trim());
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return addresses;
}

// Relative addresses resolve against the item's own page, as a browser would; the host is a placeholder
// that marks "this platform".
const SELF = 'http://gongkai.internal';
const ID = '([1-9]\\d{0,14})';
const ITEM = new RegExp(`^/disclosure/items/${ID}$`);
const ATTACHMENT = new RegExp(`^/disclosure/items/${ID}/attachments/${ID}$`);
const UNIT = new RegExp(`^/disclosure/units/${ID}(?:/[^/]+)?$`);

/** What an address points at, or 'external', or null for one the scan does not check (mailto, /admin…). */
export function classifyAddress(address: string, itemId: number): InternalTarget | 'external' | null {
  if (/^https?:\/\//i.test(address)) return 'external';
  if (/^[a-z][a-z0-9+.-]*:/i.test(address) || address.startsWith('//')) return null;
  let path: string;
  try {
    path = new URL(address, `${SELF}/disclosure/items/${itemId}`).pathname.replace(/\/+$/, '');
  } catch {
    return null;
  }
  let match = ATTACHMENT.exec(path);
  if (match) {
    return { kind: 'attachment', path, itemId: Number(match[1]), attachmentId: Number(match[2]) };
  }
  match = ITEM.exec(path);
  if (match) return { kind: 'item', path, itemId: Number(match[1]) };
  match = UNIT.exec(path);
  if (match) return { kind: 'unit', path, unitId: Number(match[1]) };
  return null;
}

/** The body's internal targets (each path once) and its count of external links. */
export function bodyLinks(html: string, itemId: number): BodyLinks {
  const internal = new Map<string, InternalTarget>();
  let external = 0;
  for (const address of linkAddresses(html)) {
    const target = classifyAddress(address, itemId);
    if (target === 'external') external += 1;
    else if (target !== null && !internal.has(target.path)) internal.set(target.path, target);
  }
  return { internal: [...internal.values()], external };
}

export const DEAD_LINK_REASONS: Readonly<Record<InternalTarget['kind'], string>> = {
  item: '指向的信息已撤回或不存在',
  attachment: '指向的附件已删除或不存在',
  unit: '指向的单位不存在',
};
