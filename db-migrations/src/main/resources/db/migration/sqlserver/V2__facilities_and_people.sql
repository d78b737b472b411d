-- Health facilities, claim administrators, enrolment officers, users, roles and rights
-- (openIMIS tblHF, tblHFCatchment, tblClaimAdmin, tblOfficer, tblOfficerVillages, tblUsers, tblRole, tblRoleRight,
-- tblUserRole, tblUsersDistricts). Price-list foreign keys of health_facility are added in V3.
--
-- SQL Server 2019+ (T-SQL) twin of postgresql/V2__facilities_and_people.sql; the dialect notes are in V1.

create table health_facility (
    id                    bigint           identity(1,1) constraint health_facility_pkey primary key,
    uuid                  uniqueidentifier not null constraint health_facility_uuid_key unique,
    [code]                nvarchar(8)      not null,
    [name]                nvarchar(100)    not null,
    legal_form            nvarchar(1)      not null constraint health_facility_legal_form_fkey references legal_form ([code]),
    [level]               nvarchar(1)      not null,
    sublevel              nvarchar(1)      constraint health_facility_sublevel_fkey references hf_sublevel ([code]),
    location_id           bigint           not null constraint health_facility_location_id_fkey references location (id),
    address               nvarchar(100),
    phone                 nvarchar(50),
    fax                   nvarchar(50),
    email                 nvarchar(50),
    acc_code              nvarchar(25),
    care_type             nvarchar(1)      not null constraint health_facility_care_type_df default N'B',
    services_pricelist_id bigint,
    items_pricelist_id    bigint,
    offline               bit              not null constraint health_facility_offline_df default 0,
    contract_start_date   date,
    contract_end_date     date,
    [status]              nvarchar(2)      not null constraint health_facility_status_df default N'AC',
    validity_from         datetimeoffset   not null constraint health_facility_validity_from_df default sysdatetimeoffset(),
    validity_to           datetimeoffset,
    legacy_id             bigint,
    audit_user_id         bigint,
    constraint health_facility_level_ck check ([level] in (N'D', N'C', N'H')),
    constraint health_facility_care_type_ck check (care_type in (N'I', N'O', N'B')),
    constraint health_facility_status_ck check ([status] in (N'AC', N'IN', N'DE', N'ID'))
);
create index health_facility_location_ix on health_facility (location_id) where validity_to is null;
create unique index health_facility_code_current_ux on health_facility ([code]) where validity_to is null;
create index health_facility_legal_form_ix on health_facility (legal_form);
create index health_facility_sublevel_ix on health_facility (sublevel);

create table hf_catchment (
    id                 bigint         identity(1,1) constraint hf_catchment_pkey primary key,
    health_facility_id bigint         not null constraint hf_catchment_health_facility_id_fkey references health_facility (id),
    location_id        bigint         not null constraint hf_catchment_location_id_fkey references location (id),
    catchment          int,
    validity_from      datetimeoffset not null constraint hf_catchment_validity_from_df default sysdatetimeoffset(),
    validity_to        datetimeoffset,
    legacy_id          bigint,
    audit_user_id      bigint
);
create index hf_catchment_health_facility_ix on hf_catchment (health_facility_id);
create index hf_catchment_location_ix on hf_catchment (location_id);

create table claim_admin (
    id                 bigint           identity(1,1) constraint claim_admin_pkey primary key,
    uuid               uniqueidentifier not null constraint claim_admin_uuid_key unique,
    [code]             nvarchar(50)     not null,
    last_name          nvarchar(100)    not null,
    other_names        nvarchar(100)    not null,
    dob                date,
    email_id           nvarchar(200),
    phone              nvarchar(50),
    health_facility_id bigint           constraint claim_admin_health_facility_id_fkey references health_facility (id),
    has_login          bit              not null constraint claim_admin_has_login_df default 0,
    validity_from      datetimeoffset   not null constraint claim_admin_validity_from_df default sysdatetimeoffset(),
    validity_to        datetimeoffset,
    legacy_id          bigint,
    audit_user_id      bigint
);
create index claim_admin_health_facility_ix on claim_admin (health_facility_id) where validity_to is null;
create unique index claim_admin_code_current_ux on claim_admin ([code]) where validity_to is null;

create table officer (
    id                      bigint           identity(1,1) constraint officer_pkey primary key,
    uuid                    uniqueidentifier not null constraint officer_uuid_key unique,
    [code]                  nvarchar(8)      not null,
    last_name               nvarchar(100)    not null,
    other_names             nvarchar(100)    not null,
    dob                     date,
    phone                   nvarchar(50),
    location_id             bigint           constraint officer_location_id_fkey references location (id),
    substitution_officer_id bigint           constraint officer_substitution_officer_id_fkey references officer (id),
    works_to                date,
    veo_code                nvarchar(8),
    veo_last_name           nvarchar(100),
    veo_other_names         nvarchar(100),
    veo_dob                 date,
    veo_phone               nvarchar(25),
    email_id                nvarchar(200),
    phone_communication     bit              not null constraint officer_phone_communication_df default 0,
    permanent_address       nvarchar(100),
    has_login               bit              not null constraint officer_has_login_df default 0,
    validity_from           datetimeoffset   not null constraint officer_validity_from_df default sysdatetimeoffset(),
    validity_to             datetimeoffset,
    legacy_id               bigint,
    audit_user_id           bigint
);
create index officer_location_ix on officer (location_id) where validity_to is null;
create index officer_substitution_ix on officer (substitution_officer_id);
create unique index officer_code_current_ux on officer ([code]) where validity_to is null;

create table officer_village (
    id            bigint         identity(1,1) constraint officer_village_pkey primary key,
    officer_id    bigint         not null constraint officer_village_officer_id_fkey references officer (id),
    location_id   bigint         not null constraint officer_village_location_id_fkey references location (id),
    validity_from datetimeoffset not null constraint officer_village_validity_from_df default sysdatetimeoffset(),
    validity_to   datetimeoffset,
    legacy_id     bigint,
    audit_user_id bigint
);
create index officer_village_officer_ix on officer_village (officer_id);
create index officer_village_location_ix on officer_village (location_id) where validity_to is null;

create table app_user (
    id                 bigint           identity(1,1) constraint app_user_pkey primary key,
    uuid               uniqueidentifier not null constraint app_user_uuid_key unique,
    language_id        nvarchar(5)      not null constraint app_user_language_id_df default N'en',
    last_name          nvarchar(100)    not null,
    other_names        nvarchar(100)    not null,
    phone              nvarchar(50),
    login_name         nvarchar(25)     not null,
    role_id            int              not null constraint app_user_role_id_df default 0,
    health_facility_id bigint           constraint app_user_health_facility_id_fkey references health_facility (id),
    password_hash      nvarchar(255),
    email_id           nvarchar(200),
    password_validity  datetimeoffset,
    is_associated      bit,
    user_type          nvarchar(12)     not null constraint app_user_user_type_df default N'INTERACTIVE',
    claim_admin_id     bigint           constraint app_user_claim_admin_id_fkey references claim_admin (id),
    officer_id         bigint           constraint app_user_officer_id_fkey references officer (id),
    validity_from      datetimeoffset   not null constraint app_user_validity_from_df default sysdatetimeoffset(),
    validity_to        datetimeoffset,
    legacy_id          bigint,
    audit_user_id      bigint,
    constraint app_user_type_ck check (user_type in (N'INTERACTIVE', N'OFFICER', N'CLAIM_ADMIN', N'TECHNICAL'))
);
-- PostgreSQL indexes lower(login_name); SQL Server's default collations (SQL_Latin1_General_CP1_CI_AS,
-- Latin1_General_100_CI_AS) compare case-insensitively, so a unique index on the plain column already refuses
-- 'Admin' next to 'admin'. A database created with a case-sensitive collation would need login_name collate ..._CI_AS.
create unique index app_user_login_current_ux on app_user (login_name) where validity_to is null;
create index app_user_health_facility_ix on app_user (health_facility_id);
create index app_user_claim_admin_ix on app_user (claim_admin_id);
create index app_user_officer_ix on app_user (officer_id);

create table [role] (
    id            bigint           identity(1,1) constraint role_pkey primary key,
    uuid          uniqueidentifier not null constraint role_uuid_key unique,
    [name]        nvarchar(50)     not null,
    alt_language  nvarchar(50),
    is_system     int              not null constraint role_is_system_df default 0,
    is_blocked    bit              not null constraint role_is_blocked_df default 0,
    validity_from datetimeoffset   not null constraint role_validity_from_df default sysdatetimeoffset(),
    validity_to   datetimeoffset,
    legacy_id     bigint,
    audit_user_id bigint
);

create table role_right (
    id            bigint         identity(1,1) constraint role_right_pkey primary key,
    role_id       bigint         not null constraint role_right_role_id_fkey references [role] (id),
    right_id      int            not null,
    validity_from datetimeoffset not null constraint role_right_validity_from_df default sysdatetimeoffset(),
    validity_to   datetimeoffset,
    legacy_id     bigint,
    audit_user_id bigint,
    constraint role_right_code_ck check (right_id between 100000 and 999999)
);
create index role_right_role_ix on role_right (role_id) where validity_to is null;

create table user_role (
    id            bigint         identity(1,1) constraint user_role_pkey primary key,
    user_id       bigint         not null constraint user_role_user_id_fkey references app_user (id),
    role_id       bigint         not null constraint user_role_role_id_fkey references [role] (id),
    validity_from datetimeoffset not null constraint user_role_validity_from_df default sysdatetimeoffset(),
    validity_to   datetimeoffset,
    legacy_id     bigint,
    audit_user_id bigint
);
create index user_role_user_ix on user_role (user_id) where validity_to is null;
create index user_role_role_ix on user_role (role_id);

create table user_district (
    id            bigint         identity(1,1) constraint user_district_pkey primary key,
    user_id       bigint         not null constraint user_district_user_id_fkey references app_user (id),
    location_id   bigint         not null constraint user_district_location_id_fkey references location (id),
    validity_from datetimeoffset not null constraint user_district_validity_from_df default sysdatetimeoffset(),
    validity_to   datetimeoffset,
    legacy_id     bigint,
    audit_user_id bigint
);
create index user_district_user_ix on user_district (user_id) where validity_to is null;
create index user_district_location_ix on user_district (location_id);
