-- Which adjudication wrote a claim's last engine result: when, in which engine batch, by which engine version and
-- rule set, so that a result can be traced to the run that produced it (GraphQL: claim.adjudication).
alter table claim add column adjudicated_at timestamptz;
alter table claim add column adjudication_batch uuid;
alter table claim add column engine_version varchar(100);

-- the valuation batch's window: processed claims not yet in a batch run, by processing time
create index claim_batch_waiting_ix on claim (process_stamp)
    where validity_to is null and batch_run_id is null and status in (8, 16);
