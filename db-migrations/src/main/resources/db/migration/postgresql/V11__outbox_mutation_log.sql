-- The mutation log an outbox event belongs to, as a column with an index: the engine asks, after every batch,
-- whether a submission's or a processing's claims all have their result.
alter table outbox add column mutation_log_id uuid;
update outbox set mutation_log_id = cast(payload->>'mutationLogId' as uuid) where payload ? 'mutationLogId';
create index outbox_mutation_log_ix on outbox (mutation_log_id) where mutation_log_id is not null;
