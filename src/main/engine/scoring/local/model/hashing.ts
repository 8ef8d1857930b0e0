// String hashing for the feature space: FNV-1a over UTF-16 units, then a murmur finaliser so the low bits
// (the bucket) are well mixed. Hashes run over slices of the text in place: no substrings are allocated.

const FNV_PRIME = 16777619

/** Mixes one UTF-16 unit into a running FNV-1a hash. */
export function mix(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, FNV_PRIME)
}

/** Spreads every input bit over the low bits (murmur3's fmix32). */
export function finish(hash: number): number {
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return hash >>> 0
}

/** A starting hash per kind of feature, so "w:the" and "c:the" land in different buckets. */
export function seed(kind: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < kind.length; i++) hash = mix(hash, kind.charCodeAt(i))
  return hash
}

/** Hashes `text[start..end)` onto a running hash. */
export function mixRange(hash: number, text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) hash = mix(hash, text.charCodeAt(i))
  return hash
}
