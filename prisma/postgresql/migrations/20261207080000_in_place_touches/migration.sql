-- Every collection sets lastSeenAt and lastRunId on every row it sees again. PostgreSQL writes
-- an updated row as a new version, and unless the version fits on the same page and no indexed
-- column changed (a HOT update) every index of the table gets a new entry for it: twenty B-tree
-- indexes and the trigram index, for every instance of every run. With lastSeenAt no longer
-- indexed and pages filled to half, the unchanged re-run of 50,000 instances took 3.7 s
-- instead of 19.0 s (75 % fill: 11.6 s, 90 %: 15.5 s), for twice the table's space. Pages
-- written before keep their fill until rows move or the table is rewritten (VACUUM FULL).
DROP INDEX "Ec2Instance_lastSeenAt_id_idx";
ALTER TABLE "Ec2Instance" SET (fillfactor = 50);
