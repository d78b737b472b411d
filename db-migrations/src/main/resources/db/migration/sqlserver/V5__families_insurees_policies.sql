-- Families, insurees, policies, the coverage of each member (insuree_policy) and contributions (premium)
-- (openIMIS tblFamilies, tblInsuree, tblPolicy, tblInsureePolicy, tblPremium).
--
-- SQL Server 2019+ (T-SQL) twin of postgresql/V5__families_insurees_policies.sql; the dialect notes are in V1.

create table family (
    id                bigint           identity(1,1) constraint family_pkey primary key,
    uuid              uniqueidentifier not null constraint family_uuid_key unique,
    head_insuree_id   bigint,
    location_id       bigint           constraint family_location_id_fkey references location (id),
    poverty           bit,
    family_type       nvarchar(2)      constraint family_family_type_fkey references family_type ([code]),
    address           nvarchar(200),
    is_offline        bit,
    ethnicity         nvarchar(1),
    confirmation_no   nvarchar(12),
    confirmation_type nvarchar(3)      constraint family_confirmation_type_fkey references confirmation_type ([code]),
    json_ext          nvarchar(max),
    validity_from     datetimeoffset   not null constraint family_validity_from_df default sysdatetimeoffset(),
    validity_to       datetimeoffset,
    legacy_id         bigint,
    audit_user_id     bigint,
    constraint family_json_ext_json_ck check (isjson(json_ext) = 1)
);
create index family_location_ix on family (location_id) where validity_to is null;
create index family_head_insuree_ix on family (head_insuree_id);
create index family_family_type_ix on family (family_type);
create index family_confirmation_type_ix on family (confirmation_type);
create index family_validity_from_ix on family (validity_from desc, id desc) where validity_to is null;

create table insuree (
    id                 bigint           identity(1,1) constraint insuree_pkey primary key,
    uuid               uniqueidentifier not null constraint insuree_uuid_key unique,
    family_id          bigint           constraint insuree_family_id_fkey references family (id),
    chf_id             nvarchar(50),
    last_name          nvarchar(100)    not null,
    other_names        nvarchar(100)    not null,
    gender             nvarchar(1)      constraint insuree_gender_fkey references gender ([code]),
    dob                date,
    head               bit              not null constraint insuree_head_df default 0,
    marital            nvarchar(1),
    passport           nvarchar(25),
    phone              nvarchar(50),
    email              nvarchar(100),
    current_address    nvarchar(200),
    geolocation        nvarchar(250),
    current_village_id bigint           constraint insuree_current_village_id_fkey references location (id),
    photo_id           bigint,
    photo_date         date,
    card_issued        bit              not null constraint insuree_card_issued_df default 0,
    relationship_id    int              constraint insuree_relationship_id_fkey references relation (id),
    profession_id      int              constraint insuree_profession_id_fkey references profession (id),
    education_id       int              constraint insuree_education_id_fkey references education (id),
    type_of_id         nvarchar(1)      constraint insuree_type_of_id_fkey references identification_type ([code]),
    health_facility_id bigint           constraint insuree_health_facility_id_fkey references health_facility (id),
    is_offline         bit,
    [status]           nvarchar(2)      not null constraint insuree_status_df default N'AC',
    status_date        date,
    status_reason_id   bigint           constraint insuree_status_reason_id_fkey references insuree_status_reason (id),
    json_ext           nvarchar(max),
    validity_from      datetimeoffset   not null constraint insuree_validity_from_df default sysdatetimeoffset(),
    validity_to        datetimeoffset,
    legacy_id          bigint,
    audit_user_id      bigint,
    constraint insuree_status_ck check ([status] in (N'AC', N'IN', N'DE')),
    constraint insuree_marital_ck check (marital in (N'M', N'S', N'D', N'W', N'N')),
    constraint insuree_json_ext_json_ck check (isjson(json_ext) = 1)
);
-- the insurance number is the business key on cards, claims and mobile apps: unique among current rows
-- (chf_id is nullable and PostgreSQL allows many current rows without one: the filter keeps that)
create unique index insuree_chf_id_current_ux on insuree (chf_id) where validity_to is null and chf_id is not null;
create index insuree_family_ix on insuree (family_id) where validity_to is null;
create index insuree_current_village_ix on insuree (current_village_id) where validity_to is null;
create index insuree_health_facility_ix on insuree (health_facility_id);
create index insuree_gender_ix on insuree (gender);
create index insuree_relationship_ix on insuree (relationship_id);
create index insuree_profession_ix on insuree (profession_id);
create index insuree_education_ix on insuree (education_id);
create index insuree_type_of_id_ix on insuree (type_of_id);
create index insuree_status_reason_ix on insuree (status_reason_id);
create index insuree_legacy_ix on insuree (legacy_id) where legacy_id is not null;
-- case-insensitive prefix search (lastName_Istartswith): lower(x) like 'abc%' uses these
-- PostgreSQL indexes lower(x) text_pattern_ops; SQL Server's default collation is case-insensitive, so these index
-- the plain column and the query says `x like N'abc%'` without lower() (lower() would turn the seek into a scan).
create index insuree_last_name_prefix_ix on insuree (last_name, id) where validity_to is null;
create index insuree_other_names_prefix_ix on insuree (other_names, id) where validity_to is null;

alter table family add constraint family_head_insuree_fk foreign key (head_insuree_id) references insuree (id);

create table policy (
    id             bigint           identity(1,1) constraint policy_pkey primary key,
    uuid           uniqueidentifier not null constraint policy_uuid_key unique,
    family_id      bigint           not null constraint policy_family_id_fkey references family (id),
    product_id     bigint           not null constraint policy_product_id_fkey references product (id),
    enroll_date    date             not null,
    start_date     date             not null,
    effective_date date,
    expiry_date    date,
    [status]       smallint,
    stage          nvarchar(1),
    [value]        decimal(18,2),
    officer_id     bigint           constraint policy_officer_id_fkey references officer (id),
    is_offline     bit,
    validity_from  datetimeoffset   not null constraint policy_validity_from_df default sysdatetimeoffset(),
    validity_to    datetimeoffset,
    legacy_id      bigint,
    audit_user_id  bigint,
    constraint policy_status_ck check ([status] in (1, 2, 4, 8, 16)),
    constraint policy_stage_ck check (stage in (N'N', N'R'))
);
create index policy_family_ix on policy (family_id) where validity_to is null;
create index policy_product_ix on policy (product_id) where validity_to is null;
create index policy_officer_ix on policy (officer_id);

create table insuree_policy (
    id              bigint         identity(1,1) constraint insuree_policy_pkey primary key,
    insuree_id      bigint         not null constraint insuree_policy_insuree_id_fkey references insuree (id),
    policy_id       bigint         not null constraint insuree_policy_policy_id_fkey references policy (id),
    enrollment_date date,
    start_date      date,
    effective_date  date,
    expiry_date     date,
    is_offline      bit,
    validity_from   datetimeoffset not null constraint insuree_policy_validity_from_df default sysdatetimeoffset(),
    validity_to     datetimeoffset,
    legacy_id       bigint,
    audit_user_id   bigint
);
create index insuree_policy_insuree_ix on insuree_policy (insuree_id, effective_date) where validity_to is null;
create index insuree_policy_policy_ix on insuree_policy (policy_id) where validity_to is null;

create table premium (
    id            bigint           identity(1,1) constraint premium_pkey primary key,
    uuid          uniqueidentifier not null constraint premium_uuid_key unique,
    policy_id     bigint           not null constraint premium_policy_id_fkey references policy (id),
    payer_id      bigint,
    amount        decimal(18,2)    not null,
    receipt       nvarchar(50),
    pay_date      date             not null,
    pay_type      nvarchar(1),
    is_photo_fee  bit              not null constraint premium_is_photo_fee_df default 0,
    is_offline    bit,
    created_date  datetimeoffset   not null constraint premium_created_date_df default sysdatetimeoffset(),
    validity_from datetimeoffset   not null constraint premium_validity_from_df default sysdatetimeoffset(),
    validity_to   datetimeoffset,
    legacy_id     bigint,
    audit_user_id bigint
);
create index premium_policy_ix on premium (policy_id) where validity_to is null;
