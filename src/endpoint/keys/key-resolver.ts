/** A `privateKey` resolver's call (see `key-set.ts`), loaded with the first request of an endpoint that has one. */
import type { RawExchangeRequest } from '../../internal/raw-exchange.js';
import type { KeyResolverRequest, PrivateKeyResolver } from './key-set.js';

/** The PEMs the resolver chose for this request, as a list (checked by the caller). */
export async function resolveKeys(resolver: PrivateKeyResolver, request: RawExchangeRequest): Promise<readonly unknown[]> {
  const chosen: unknown = await resolver(resolverRequest(request));
  return typeof chosen === 'string' ? [chosen] : Array.isArray(chosen) ? chosen : [];
}

/** The request as a resolver sees it, built only for a resolver (the raw path has no Web objects). */
function resolverRequest(request: RawExchangeRequest): KeyResolverRequest {
  const headers = new Headers();
  for (const name in request.headers ?? {}) {
    const value = request.headers![name];
    if (typeof value === 'string') headers.set(name, value);
    else if (value) for (const v of value) headers.append(name, v);
  }
  const path = request.url ?? '/';
  const url = /^[a-z][a-z0-9+.-]*:/i.test(path) ? path : `http://${headers.get('host') ?? 'localhost'}${path.startsWith('/') ? '' : '/'}${path}`;
  return { method: request.method ?? 'POST', url, headers };
}
