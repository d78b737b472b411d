-- The outbox event of the last ledger re-run the engine applied to a claim (see the PostgreSQL twin).
--
-- SQL Server 2019+ (T-SQL) twin of postgresql/V14__claim_ledger_event.sql; the dialect notes are in V1.

alter table claim add ledger_event_id bigint;
