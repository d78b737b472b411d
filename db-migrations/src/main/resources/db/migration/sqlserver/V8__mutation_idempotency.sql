-- A mutation is done once per (user, clientMutationId): a repeat, even one arriving while the first is still
-- running, finds the first one's log row and returns its result.
--
-- SQL Server 2019+ (T-SQL) twin of postgresql/V8__mutation_idempotency.sql; the dialect notes are in V1.

-- SQL Server's unique index counts NULLs as equal values: the filter leaves out rows with a NULL key
create unique index mutation_log_client_mutation_ux on mutation_log (user_id, client_mutation_id)
    where client_mutation_id is not null and user_id is not null and client_mutation_id is not null;
alter table mutation_log add mutation_name nvarchar(100);
