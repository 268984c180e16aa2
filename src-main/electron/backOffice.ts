import { serveBackOffice } from './backOfficeHost';
import type { FromBackOffice, ToBackOffice } from './backOfficeProtocol';

// Entry of the utility process (utilityProcess.fork) that runs the single-PC back office: the
// database, the registry and the jobs live here, so a long query never freezes the window.
const parent = process.parentPort;
const { closed } = serveBackOffice({
  postMessage: (m: FromBackOffice) => parent.postMessage(m),
  onMessage: (listener) => parent.on('message', (e) => listener(e.data as ToBackOffice)),
});
void closed.then(() => process.exit(0));
