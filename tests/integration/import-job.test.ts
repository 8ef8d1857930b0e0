import { describe, expect, it } from 'vitest'
import type { Client } from '../../src/shared/api'
import type { JobSnapshot } from '../../src/shared/model'
import { comment, tempEngine } from '../support/temp-engine'

async function upload(client: Client, name: string, content: string): Promise<string> {
  const { uploadId } = await client.call('uploadBegin', { name })
  const bytes = Buffer.from(content)
  for (let offset = 0; offset < bytes.length; offset += 512 * 1024) {
    await client.call('uploadChunk', { uploadId, data: bytes.subarray(offset, offset + 512 * 1024).toString('base64') })
  }
  return uploadId
}

async function finished(client: Client, job: JobSnapshot): Promise<JobSnapshot> {
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20))
    job = await client.call('job', { jobId: job.id })
  }
  return job
}

const ndjson = (count: number, bad = false) =>
  Array.from({ length: count }, (_, i) => (bad && i === 2 ? '{"id": 1' : JSON.stringify(comment(`j${i}`, `comment ${i}`)))).join('\n')

describe('importing from the UI: upload, then a job with progress and cancel', () => {
  it('imports an uploaded file as a job and reports what landed and what was rejected', async () => {
    const engine = await tempEngine()
    const client = engine.client
    const uploadId = await upload(client, 'queue.ndjson', ndjson(50, true))
    const job = await finished(client, await client.call('importUpload', { uploadId }))
    expect(job.state).toBe('done')
    expect(job.message).toMatch(/49 comments landed: 49 new/)
    expect(job.message).toMatch(/line 3: rejected: not valid JSON/)
    expect(job.done).toBe(job.total)
    expect((await client.call('counts', {})).all).toBe(49)
    // The upload is gone once imported.
    await expect(client.call('importUpload', { uploadId })).rejects.toThrow(/unknown, finished/)
  })

  it('stops a cancelled import, keeping what already landed', async () => {
    const engine = await tempEngine()
    const client = engine.client
    const uploadId = await upload(client, 'big.ndjson', ndjson(60_000))
    const started = await client.call('importUpload', { uploadId })
    await client.call('cancelJob', { jobId: started.id })
    const job = await finished(client, started)
    expect(job.state).toBe('cancelled')
    expect(job.message).toMatch(/Cancelled/)
    const landed = (await client.call('counts', {})).all
    expect(landed).toBeLessThan(60_000)
  })

  it('refuses chunks that are not base64, and unknown uploads and jobs', async () => {
    const { client } = await tempEngine()
    const { uploadId } = await client.call('uploadBegin', { name: '../../etc/passwd' })
    await expect(client.call('uploadChunk', { uploadId, data: 'not base64!' })).rejects.toThrow(/Invalid input/)
    await expect(client.call('job', { jobId: 999 })).rejects.toThrow(/no job 999/)
  })
})
