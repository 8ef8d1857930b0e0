// The desktop engine's own process (an Electron utility process, forked by index.ts): it runs the engine
// on its threads and answers the main process over the port it was handed, so no long work ever runs
// where the window's requests are routed. Nothing of Electron's main process is used here.
import type { MessagePortMain } from 'electron'
import { errorMessage } from './engine/door'
import type { PdfPrinter } from './engine/reports/pdf'
import { startThreadedEngine, type ThreadedOptions } from './engine/threads/threaded-engine'
import { serveEngineOverPort, type Port } from './transport/engine-port'

export type EngineHostOptions = Omit<ThreadedOptions, 'printToPdf' | 'printer'>

process.parentPort.once('message', (event) => {
  const [electronPort] = event.ports as MessagePortMain[]
  const port: Port = {
    post: (message) => electronPort.postMessage(message),
    listen: (handle) => electronPort.on('message', (message) => handle(message.data)),
    close: () => electronPort.close()
  }
  electronPort.start()
  // PDFs are printed by the main process (Electron's printToPDF lives there): asked for over the port.
  let printer: PdfPrinter | null = null
  startThreadedEngine({ ...(event.data as EngineHostOptions), printer: 'router', printToPdf: (request) => printer!(request) }).then(
    (engine) => {
      printer = serveEngineOverPort(engine, port, () => process.exit(0)).printer
      port.post({ type: 'ready' })
    },
    (error: unknown) => port.post({ type: 'failed', error: errorMessage('start', error) })
  )
})
