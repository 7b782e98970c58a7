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
SELECT f.rowid AS r, f.* REPLACE (x.run_id AS run_id, CASE WHEN f.status = 'resolved' OR w.seq = x.seq THEN f.status ELSE 'open' END AS status)
FROM runs x
JOIN runs w ON w.seq <= x.seq AND w.agency IS NOT DISTINCT FROM x.agency
  AND w.requested_from IS NOT DISTINCT FROM x.requested_from AND w.requested_to IS NOT DISTINCT FROM x.requested_to
JOIN findings f ON f.run_id = w.run_id
WHERE x.run_id = ${run} AND (f.end_seq IS NULL OR f.end_seq > x.seq))`;
