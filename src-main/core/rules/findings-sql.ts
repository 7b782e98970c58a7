/**
 * A run's findings as stored (migration 015). A run writes only the findings the run of its scope
 * before it did not have as they are: a new one, one changed (other figures, sources, name or unit),
 * and the rows of those it resolved. The others stay the rows an earlier run wrote. A row is one of
 * the findings of every run of its scope from the run that wrote it (`run_id`) until the run that
 * stopped finding it as it is (`end_seq`, that run's number; NULL while the latest run still finds
 * it); a resolved row belongs to the run that resolved it only (`end_seq` is the next number).
 * Rows are never deleted or moved (architecture.test.ts), so a rowid names a finding for good.
 */

/**
 * The findings of run `run` (an SQL expression) as rows of `findings`, each with its rowid (`r`),
 * the run's id as `run_id`, and its status in that run: new in the run that wrote it, open after.
 */
export const findingsOf = (run: string): string => `(
SELECT f.rowid AS r, f.* REPLACE (${run} AS run_id, CASE WHEN f.status = 'resolved' OR f.run_id = ${run} THEN f.status ELSE 'open' END AS status)
FROM findings f
WHERE f.run_id IN (
    SELECT w.run_id
    FROM runs x
    JOIN runs w ON w.seq <= x.seq AND w.agency IS NOT DISTINCT FROM x.agency
      AND w.requested_from IS NOT DISTINCT FROM x.requested_from AND w.requested_to IS NOT DISTINCT FROM x.requested_to
    WHERE x.run_id = ${run}
  )
  AND coalesce(f.end_seq > (SELECT seq FROM runs WHERE run_id = ${run}), true))`;

/**
 * The rows of a kept list `k` (db/numbered-list.ts: `r`, a finding's rowid; `status`, its status in
 * the list's run; `i`, its place) as rows of `findings` with that status, in the list's order.
 */
export const keptFindings = (k: string, columns: string): string => `SELECT ${columns}
FROM (SELECT findings.* REPLACE (k.status AS status), k.i FROM ${k} JOIN findings ON findings.rowid = k.r)
ORDER BY i`;
