-- The outbox event of the last ledger re-run (a review delivered, §4.4) the engine applied to a claim: a repeated
-- delivery of that event (the broker's redelivery after a lost acknowledgement) is then recognised and skipped,
-- instead of re-running the claim's ledger later in its family's order, after claims it must not count.
alter table claim add column ledger_event_id bigint;
