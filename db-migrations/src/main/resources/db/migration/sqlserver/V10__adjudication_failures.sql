-- Claim events the engine could not adjudicate after its retries, with the reason (see the PostgreSQL twin).
--
-- SQL Server 2019+ (T-SQL) twin of postgresql/V10__adjudication_failures.sql; the dialect notes are in V1.

create table adjudication_failure (
    id          bigint         identity(1,1) constraint adjudication_failure_pkey primary key,
    claim_id    bigint,
    outbox_id   bigint,
    event_type  nvarchar(50),
    reason      nvarchar(max)  not null,
    message     nvarchar(max)  not null,
    parked_at   datetimeoffset not null constraint adjudication_failure_parked_at_df default sysdatetimeoffset()
);
create index adjudication_failure_parked_ix on adjudication_failure (parked_at desc, id desc);
create index adjudication_failure_claim_ix on adjudication_failure (claim_id);
