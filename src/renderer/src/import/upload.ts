import { client } from '../api'

const CHUNK_BYTES = 512 * 1024

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** Sends a file to the engine a chunk at a time; resolves to its upload id, or null when cancelled. */
export async function uploadFile(file: File, onProgress: (sent: number) => void, cancelled: () => boolean): Promise<string | null> {
  const { uploadId } = await client.call('uploadBegin', { name: file.name })
  for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) {
    if (cancelled()) return null
    const chunk = new Uint8Array(await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer())
    const { bytes } = await client.call('uploadChunk', { uploadId, data: toBase64(chunk) })
    onProgress(bytes)
  }
  return uploadId
}
