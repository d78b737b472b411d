-- The mutation log an outbox event belongs to, as a column with an index (see the PostgreSQL twin).
--
-- SQL Server 2019+ (T-SQL) twin of postgresql/V11__outbox_mutation_log.sql; the dialect notes are in V1.

alter table outbox add mutation_log_id uniqueidentifier;
create index outbox_mutation_log_ix on outbox (mutation_log_id) where mutation_log_id is not null;
