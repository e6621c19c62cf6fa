/** Reading a sockaddr_un back for display: "/tmp/srv", "@name", or null. */
import { binaryToText, bytesToBinary } from '../engine';

/** The name in sockaddr_un bytes of length `addrlen`, as text. */
export function decodeSockaddr(addr: Uint8Array, addrlen: number): string | null {
  if (addrlen <= 2 || addr.length <= 2) return null;
  const n = Math.min(addr.length, addrlen);
  if (addr[2] === 0) return `@${binaryToText(bytesToBinary(addr.subarray(3, n)))}`;
  let end = 2;
  while (end < n && addr[end] !== 0) end++;
  return binaryToText(bytesToBinary(addr.subarray(2, end)));
}
