-- Which claims engine adjudicates which partition of families (see the PostgreSQL twin for the rules).
--
-- SQL Server 2019+ (T-SQL) twin of postgresql/V9__partition_leases.sql; the dialect notes are in V1.

create table engine_member (
    member_id  nvarchar(100)  constraint engine_member_pkey primary key,
    started_at datetimeoffset not null constraint engine_member_started_at_df default sysdatetimeoffset(),
    seen_at    datetimeoffset not null
);

create table partition_lease (
    partition_no int            constraint partition_lease_pkey primary key,
    owner        nvarchar(100),
    expires_at   datetimeoffset not null,
    constraint partition_lease_partition_ck check (partition_no >= 0)
);
create index partition_lease_owner_ix on partition_lease (owner);
