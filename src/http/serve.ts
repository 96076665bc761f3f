// `npm run serve`: the HTTP interactions endpoint, one process. For every core of a machine: src/http/cluster.ts.
import { startHttpServer } from './start.ts';

await startHttpServer();
