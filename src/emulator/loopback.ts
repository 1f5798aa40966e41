/**
 * Which `endpoint_uri`s `POST /_emulator/complete` may call. The emulator plays WhatsApp's client against a flow's
 * data endpoint; since anyone who can create a flow can set its `endpoint_uri`, the emulator would otherwise POST
 * wherever a caller says. By default it only calls this machine: 127.0.0.0/8, ::1 and `localhost`
 * (option `allowRemoteEndpoints` / `--allow-remote-endpoints` lifts that).
 */

/** Whether a URL's host is the loopback interface, written as an address or as `localhost`. */
export function isLoopbackUrl(uri: string): boolean {
  let host: string;
  try {
    host = new URL(uri).hostname.toLowerCase(); // WHATWG URL normalises 127.1, 0x7f.0.0.1, [0:0::1] ...
  } catch {
    return false;
  }
  if (host === 'localhost') return true;
  if (host === '[::1]') return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  // IPv4-mapped loopback, e.g. [::ffff:127.0.0.1], which URL writes as [::ffff:7f00:1].
  return /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host);
}
