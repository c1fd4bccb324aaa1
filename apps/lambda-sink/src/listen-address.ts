/** Host and port of the first `listeners` URL (Connect's REST listener syntax). */
export function listenAddress(listeners: string): { host: string; port: number } {
  const url = new URL(listeners.split(',')[0].trim());
  // A URL writes an IPv6 host in brackets (`http://[::1]:8083`); listen() wants the bare
  // address and would otherwise look `[::1]` up as a host name.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { host, port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)) };
}
