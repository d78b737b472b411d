-- A mutation is done once per (user, clientMutationId): a repeat, even one arriving while the first is still
-- running, finds the first one's log row and returns its result (the insert waits on the first transaction).
create unique index mutation_log_client_mutation_ux on mutation_log (user_id, client_mutation_id)
    where client_mutation_id is not null;
-- the GraphQL mutation the row logs, so a repeat is recognised as the same operation
alter table mutation_log add column mutation_name varchar(100);
