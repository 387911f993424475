/**
 * Makes every server this process starts listen on 127.0.0.1 unless it names a host.
 *
 * @netlify/dev and @netlify/blobs start helper servers (the local Blobs store, a
 * pass-through server) on all interfaces and offer no host option. Lead data must never
 * be reachable from another machine, so we pin the default instead of trusting each one.
 */
import net from 'node:net';

const LOOPBACK = '127.0.0.1';
const listen = net.Server.prototype.listen;

net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
  const [first, second] = args;
  const isPort = typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first));
  if (isPort && typeof second !== 'string') args.splice(1, 0, LOOPBACK);
  else if (
    first &&
    typeof first === 'object' &&
    !('host' in first) &&
    !('path' in first) &&
    !('fd' in first)
  ) {
    args[0] = { ...first, host: LOOPBACK };
  } else if (first === undefined || typeof first === 'function') args.unshift(0, LOOPBACK);
  return listen.apply(this, args as Parameters<typeof listen>);
} as typeof listen;
