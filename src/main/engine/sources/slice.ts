// Sources and sync: where comments come from (the demo, files, platforms such as WordPress) and how
// decisions go back to the platforms through the outbox.
import { sourcesCalls } from '../../../shared/api/sources'
import type { EngineContext } from '../context'
import { scoreNewComments } from '../scoring/score-comments'
import { slice } from '../slice'
import { ensureSource } from './store/comments'
import { retryFailed } from '../sync/outbox-sync'
import { loadDemo } from './demo/demo-source'
import { describeImport } from './describe-import'
import { importFile, type ImportFileOptions } from './files/import-file'
import { closeArticle, pullSources } from './platform-actions'
import { addPlatformSource, findSource, listPlatformSources, removePlatformSource } from './platform-sources'

export const sourcesSlice = slice('sources', sourcesCalls, {
  queries: ({ db, secrets }) => ({
    sources: () => listPlatformSources(db, secrets)
  }),
  commands: (context) => {
    const { db, secrets, now, jobs, sync, uploads } = context
    const list = () => listPlatformSources(db, secrets)
    const pullJob = (source: string | undefined, full: boolean | undefined) => {
      if (source !== undefined) findSource(db, source)
      return jobs.start(
        'pull',
        ({ signal, progress }) => pullSources(context, source, { full, signal, onProgress: progress }),
        (results) => results.map((result) => result.description).join('\n')
      )
    }
    return {
      addSource: (source) => {
        addPlatformSource(db, secrets, source, now())
        return list()
      },
      removeSource: ({ name }) => removePlatformSource(db, secrets, name, now()),
      testSource: ({ name }) => context.connector(name).test(),
      pull: ({ source, full }) => pullJob(source, full).snapshot,
      pullNow: ({ source, full }) => pullJob(source, full).result,
      syncNow: () => sync.run({ now: true }),
      sync: ({ waitMs, retryFailed: again, dueOnly }) => {
        if (again) retryFailed(db, now())
        return dueOnly ? sync.run() : sync.runUntilSettled(waitMs, (wait) => context.emit({ name: 'syncWaiting', payload: wait }))
      },
      retrySync: ({ source }) => {
        retryFailed(db, now(), source)
        return sync.run({ now: true })
      },
      closeArticle: ({ articleId, source }) => closeArticle(context, articleId, source),
      uploadBegin: ({ name }) => ({ uploadId: uploads.begin(name) }),
      uploadChunk: ({ uploadId, data }) => ({ bytes: uploads.append(uploadId, data) }),
      importUpload: ({ uploadId, format }) => {
        const path = uploads.claim(uploadId)
        const job = importJob(context, path, { format }, 'Imported file', { score: true })
        job.result.finally(() => uploads.remove(uploadId)).catch(() => undefined)
        return job.snapshot
      },
      importFile: ({ path, format, csvMapping, source, score }) => importJob(context, path, { format, csvMapping }, source, { score }).result,
      loadDemo: () => loadDemo(db, context.options.resourcesDir, now)
    }
  }
})

/** Imports a file as a job: it reports progress by bytes, can be cancelled, and (if asked) scores what landed. */
function importJob(
  context: EngineContext,
  path: string,
  options: Pick<ImportFileOptions, 'format' | 'csvMapping'>,
  sourceName: string,
  { score }: { score: boolean }
) {
  const { db, now, jobs } = context
  return jobs.start(
    'import',
    async ({ signal, progress }) => {
      const report = await importFile(db, ensureSource(db, 'file', sourceName, now()), path, {
        ...options,
        now,
        signal,
        onProgress: ({ bytesRead, totalBytes }) => progress(bytesRead, totalBytes)
      })
      const scored = score && !signal.aborted ? (await scoreNewComments(context)).done : 0
      return { ...report, scored }
    },
    (report) => describeImport(report) + (report.scored ? `\nScored ${report.scored} comments.` : '')
  )
}
