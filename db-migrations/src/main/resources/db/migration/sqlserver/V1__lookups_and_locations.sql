-- Lookup tables and the location tree (openIMIS tblGender, tblFamilyTypes, ..., tblLocations).
-- Conventions for every versioned table (domain.md §2.0): the current row has validity_to null; an update first
-- copies the current row into a closed history row (validity_to set, legacy_id = the live row's id).
--
-- SQL Server 2019+ (T-SQL) twin of postgresql/V1__lookups_and_locations.sql. Every sqlserver/V<n> creates the same
-- tables, columns in the same order, and the same check constraint and index names as postgresql/V<n>
-- (SchemaParityTest checks this by parsing both; nothing here has been executed on a SQL Server). Dialect notes,
-- valid for V1..V7:
-- * types: uuid -> uniqueidentifier, timestamptz -> datetimeoffset, varchar(n) -> nvarchar(n), text -> nvarchar(max),
--   jsonb -> nvarchar(max) plus an isjson check (<table>_<column>_json_ck), boolean -> bit, numeric -> decimal,
--   integer -> int, now() -> sysdatetimeoffset(); identity columns accept explicit ids only under set identity_insert.
-- * primary key, unique and foreign key constraints carry the names PostgreSQL generates for the unnamed ones
--   (<table>_pkey, <table>_<column>_key, <table>_<column>_fkey), so a later migration drops them by the same name in
--   both dialects. Defaults are named constraints (<table>_<column>_df): unnamed, SQL Server would invent a random
--   name that a migration cannot drop without looking it up first.
-- * partial indexes are filtered indexes; creating and using them needs the ANSI settings the JDBC driver turns on
--   by default (ansi_nulls, quoted_identifier, ...).
-- * a SQL Server unique index treats NULLs as equal, PostgreSQL's as distinct: unique indexes on nullable columns
--   say `and <column> is not null` in their filter to keep PostgreSQL's meaning.
-- * identifiers that are T-SQL keywords in some context (code, name, type, level, status, ...) are [bracketed].

create table gender (
    [code]       nvarchar(1)  constraint gender_pkey primary key,
    gender       nvarchar(50) not null,
    alt_language nvarchar(50),
    sort_order   int
);

create table family_type (
    [code]       nvarchar(2)  constraint family_type_pkey primary key,
    family_type  nvarchar(50) not null,
    alt_language nvarchar(50),
    sort_order   int
);

create table confirmation_type (
    [code]            nvarchar(3)  constraint confirmation_type_pkey primary key,
    confirmation_type nvarchar(50) not null,
    alt_language      nvarchar(50),
    sort_order        int
);

create table relation (
    id           int          constraint relation_pkey primary key,
    relation     nvarchar(50) not null,
    alt_language nvarchar(50),
    sort_order   int
);

create table profession (
    id           int          constraint profession_pkey primary key,
    profession   nvarchar(50) not null,
    alt_language nvarchar(50),
    sort_order   int
);

create table education (
    id           int          constraint education_pkey primary key,
    education    nvarchar(50) not null,
    alt_language nvarchar(50),
    sort_order   int
);

create table identification_type (
    [code]              nvarchar(1)  constraint identification_type_pkey primary key,
    identification_type nvarchar(50) not null,
    alt_language        nvarchar(50),
    sort_order          int
);

create table legal_form (
    [code]       nvarchar(1)  constraint legal_form_pkey primary key,
    legal_form   nvarchar(50) not null,
    alt_language nvarchar(50),
    sort_order   int
);

create table hf_sublevel (
    [code]       nvarchar(1)  constraint hf_sublevel_pkey primary key,
    hf_sublevel  nvarchar(50) not null,
    alt_language nvarchar(50),
    sort_order   int
);

create table insuree_status_reason (
    id            bigint           identity(1,1) constraint insuree_status_reason_pkey primary key,
    uuid          uniqueidentifier not null constraint insuree_status_reason_uuid_key unique,
    [code]        nvarchar(5)      not null,
    status_reason nvarchar(255)    not null,
    status_type   nvarchar(2)      not null,
    validity_from datetimeoffset   not null constraint insuree_status_reason_validity_from_df default sysdatetimeoffset(),
    validity_to   datetimeoffset,
    legacy_id     bigint,
    constraint insuree_status_reason_type_ck check (status_type in (N'IN', N'DE'))
);

create table location (
    id                 bigint           identity(1,1) constraint location_pkey primary key,
    uuid               uniqueidentifier not null constraint location_uuid_key unique,
    [code]             nvarchar(8),
    [name]             nvarchar(50),
    parent_location_id bigint           constraint location_parent_location_id_fkey references location (id),
    [type]             nvarchar(1)      not null,
    male_population    int,
    female_population  int,
    other_population   int,
    families           int,
    validity_from      datetimeoffset   not null constraint location_validity_from_df default sysdatetimeoffset(),
    validity_to        datetimeoffset,
    legacy_id          bigint,
    audit_user_id      bigint,
    constraint location_type_ck check ([type] in (N'R', N'D', N'W', N'V')),
    -- a region has no parent; every other level has one
    -- (T-SQL cannot compare two conditions with =, so PostgreSQL's (type = 'R') = (parent_location_id is null) is
    -- spelled out; [type] is not null, so no third case exists)
    constraint location_parent_ck check (
        ([type] = N'R' and parent_location_id is null)
        or ([type] <> N'R' and parent_location_id is not null)
        or validity_to is not null)
);
create index location_parent_ix on location (parent_location_id) where validity_to is null;
create index location_type_ix on location ([type], [code]) where validity_to is null;
-- code is nullable: PostgreSQL lets many current locations have no code, and so does this filter
create unique index location_code_current_ux on location ([code]) where validity_to is null and [code] is not null;
