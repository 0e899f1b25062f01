// Playwright's global setup: one line saying which server the sync specs run on in this run.
import { TEST_SERVER } from '../sync/couch-server.ts';

export default function globalSetup(): void {
  console.log(`${TEST_SERVER.line.replace('Sync tests', 'End-to-end sync specs')}`);
}
