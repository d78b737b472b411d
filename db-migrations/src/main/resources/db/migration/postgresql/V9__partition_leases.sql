-- Which claims engine adjudicates which partition of families. An engine says it is alive in engine_member; the live
-- engines split the partitions between them, and a partition's lease is taken only when it is free or expired,
-- so two engines never hold one partition at once. All times are the database's clock: the engines' clocks may
-- disagree, PostgreSQL's is one.

create table engine_member (
    member_id  varchar(100) primary key,
    started_at timestamptz  not null default now(),
    seen_at    timestamptz  not null
);

create table partition_lease (
    partition_no integer      primary key,
    owner        varchar(100),
    expires_at   timestamptz  not null,
    constraint partition_lease_partition_ck check (partition_no >= 0)
);
create index partition_lease_owner_ix on partition_lease (owner);
