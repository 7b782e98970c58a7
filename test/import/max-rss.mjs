// The real `pantau` command (bin/pantau.js) in this process, which writes its peak resident set
// size (kilobytes, getrusage's ru_maxrss: every thread, the workbook worker included) to the file
// PANTAU_MAX_RSS_FILE names when it exits. Used by test/import/accounting.test.ts.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.PANTAU_MAX_RSS_FILE) writeFileSync(process.env.PANTAU_MAX_RSS_FILE, String(process.resourceUsage().maxRSS));
});
await import('../../bin/pantau.js');
