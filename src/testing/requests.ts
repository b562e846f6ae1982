import { onlyReads } from '../mocks/routes/http';
import { testTwin } from './twin';

export interface RecordedRequest {
  method: string;
  url: URL;
  body: unknown;
}

/** Records every request the console sends to the twin during a test (to prove what did or did not reach ARM). */
export function recordRequests(): RecordedRequest[] {
  const seen: RecordedRequest[] = [];
  const listener = async ({ request }: { request: Request }) => {
    const text = await request.clone().text();
    seen.push({
      method: request.method,
      url: new URL(request.url),
      body: text ? JSON.parse(text) : undefined,
    });
  };
  testTwin.server.events.on('request:start', listener);
  return seen;
}

/** Requests that could change something: not GETs, nor Resource Graph queries (POSTs that only read). */
export function writes(seen: RecordedRequest[]): RecordedRequest[] {
  return seen.filter((r) => !onlyReads(r.method, r.url.pathname));
}
