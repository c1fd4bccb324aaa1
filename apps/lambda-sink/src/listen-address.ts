/** Host and port of the first `listeners` URL (Connect's REST listener syntax). */
export function listenAddress(listeners: string): { host: string; port: number } {
  const url = new URL(listeners.split(',')[0].trim());
  return { host: url.hostname, port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)) };
}
