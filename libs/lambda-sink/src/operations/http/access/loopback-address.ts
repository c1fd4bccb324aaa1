import { isIPv4 } from 'node:net';

/**
 * True for an address of this machine's loopback interface: 127.0.0.0/8, ::1, and IPv4 loopback
 * seen through a dual-stack socket (`::ffff:127.0.0.1`). Anything else (unset included) is remote.
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const ipv4 = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  if (isIPv4(ipv4)) return ipv4.startsWith('127.');
  return address === '::1' || address === '0:0:0:0:0:0:0:1';
}
