-- ICD diagnoses, medical items and services, and their price lists (openIMIS tblICDCodes, tblItems, tblServices,
-- tblPLItems, tblPLItemsDetail, tblPLServices, tblPLServicesDetail). Money is decimal(18,2) (numeric(18,2) in PostgreSQL).
--
-- SQL Server 2019+ (T-SQL) twin of postgresql/V3__medical_registers_and_price_lists.sql; the dialect notes are in V1.

create table diagnosis (
    id            bigint           identity(1,1) constraint diagnosis_pkey primary key,
    uuid          uniqueidentifier not null constraint diagnosis_uuid_key unique,
    [code]        nvarchar(6)      not null,
    [name]        nvarchar(255)    not null,
    validity_from datetimeoffset   not null constraint diagnosis_validity_from_df default sysdatetimeoffset(),
    validity_to   datetimeoffset,
    legacy_id     bigint,
    audit_user_id bigint
);
create unique index diagnosis_code_current_ux on diagnosis ([code]) where validity_to is null;

create table medical_item (
    id               bigint           identity(1,1) constraint medical_item_pkey primary key,
    uuid             uniqueidentifier not null constraint medical_item_uuid_key unique,
    [code]           nvarchar(6)      not null,
    [name]           nvarchar(100)    not null,
    [type]           nvarchar(1)      not null,
    [package]        nvarchar(255),
    price            decimal(18,2)    not null,
    care_type        nvarchar(1)      not null,
    frequency        smallint,
    patient_category smallint         not null constraint medical_item_patient_category_df default 15,
    quantity         decimal(18,2),
    maximum_amount   decimal(18,2),
    validity_from    datetimeoffset   not null constraint medical_item_validity_from_df default sysdatetimeoffset(),
    validity_to      datetimeoffset,
    legacy_id        bigint,
    audit_user_id    bigint,
    constraint medical_item_type_ck check ([type] in (N'D', N'M')),
    constraint medical_item_care_type_ck check (care_type in (N'I', N'O', N'B')),
    constraint medical_item_patient_category_ck check (patient_category between 0 and 15),
    constraint medical_item_price_ck check (price >= 0)
);
create unique index medical_item_code_current_ux on medical_item ([code]) where validity_to is null;

create table medical_service (
    id               bigint           identity(1,1) constraint medical_service_pkey primary key,
    uuid             uniqueidentifier not null constraint medical_service_uuid_key unique,
    [code]           nvarchar(6)      not null,
    [name]           nvarchar(100)    not null,
    [type]           nvarchar(1)      not null,
    [level]          nvarchar(1)      not null,
    category         nvarchar(1),
    price            decimal(18,2)    not null,
    care_type        nvarchar(1)      not null,
    frequency        smallint,
    patient_category smallint         not null constraint medical_service_patient_category_df default 15,
    package_type     nvarchar(1)      not null constraint medical_service_package_type_df default N'S',
    maximum_amount   decimal(18,2),
    validity_from    datetimeoffset   not null constraint medical_service_validity_from_df default sysdatetimeoffset(),
    validity_to      datetimeoffset,
    legacy_id        bigint,
    audit_user_id    bigint,
    constraint medical_service_type_ck check ([type] in (N'P', N'C')),
    constraint medical_service_level_ck check ([level] in (N'S', N'V', N'D', N'H')),
    constraint medical_service_category_ck check (category in (N'S', N'D', N'A', N'H', N'C', N'O', N'V')),
    constraint medical_service_care_type_ck check (care_type in (N'I', N'O', N'B')),
    constraint medical_service_patient_category_ck check (patient_category between 0 and 15),
    constraint medical_service_package_type_ck check (package_type in (N'S', N'P', N'F')),
    constraint medical_service_price_ck check (price >= 0)
);
create unique index medical_service_code_current_ux on medical_service ([code]) where validity_to is null;

create table items_pricelist (
    id            bigint           identity(1,1) constraint items_pricelist_pkey primary key,
    uuid          uniqueidentifier not null constraint items_pricelist_uuid_key unique,
    [name]        nvarchar(100)    not null,
    date_pl       date             not null,
    location_id   bigint           constraint items_pricelist_location_id_fkey references location (id),
    validity_from datetimeoffset   not null constraint items_pricelist_validity_from_df default sysdatetimeoffset(),
    validity_to   datetimeoffset,
    legacy_id     bigint,
    audit_user_id bigint
);
create index items_pricelist_location_ix on items_pricelist (location_id);

create table items_pricelist_detail (
    id                 bigint         identity(1,1) constraint items_pricelist_detail_pkey primary key,
    items_pricelist_id bigint         not null constraint items_pricelist_detail_items_pricelist_id_fkey references items_pricelist (id),
    item_id            bigint         not null constraint items_pricelist_detail_item_id_fkey references medical_item (id),
    price_overrule     decimal(18,2),
    validity_from      datetimeoffset not null constraint items_pricelist_detail_validity_from_df default sysdatetimeoffset(),
    validity_to        datetimeoffset,
    legacy_id          bigint,
    audit_user_id      bigint
);
create index items_pricelist_detail_list_ix on items_pricelist_detail (items_pricelist_id, item_id);
create index items_pricelist_detail_item_ix on items_pricelist_detail (item_id);

create table services_pricelist (
    id            bigint           identity(1,1) constraint services_pricelist_pkey primary key,
    uuid          uniqueidentifier not null constraint services_pricelist_uuid_key unique,
    [name]        nvarchar(100)    not null,
    date_pl       date             not null,
    location_id   bigint           constraint services_pricelist_location_id_fkey references location (id),
    validity_from datetimeoffset   not null constraint services_pricelist_validity_from_df default sysdatetimeoffset(),
    validity_to   datetimeoffset,
    legacy_id     bigint,
    audit_user_id bigint
);
create index services_pricelist_location_ix on services_pricelist (location_id);

create table services_pricelist_detail (
    id                    bigint         identity(1,1) constraint services_pricelist_detail_pkey primary key,
    services_pricelist_id bigint         not null constraint services_pricelist_detail_services_pricelist_id_fkey references services_pricelist (id),
    service_id            bigint         not null constraint services_pricelist_detail_service_id_fkey references medical_service (id),
    price_overrule        decimal(18,2),
    validity_from         datetimeoffset not null constraint services_pricelist_detail_validity_from_df default sysdatetimeoffset(),
    validity_to           datetimeoffset,
    legacy_id             bigint,
    audit_user_id         bigint
);
create index services_pricelist_detail_list_ix on services_pricelist_detail (services_pricelist_id, service_id);
create index services_pricelist_detail_service_ix on services_pricelist_detail (service_id);

-- T-SQL adds several constraints with one `add` and a comma-separated list
alter table health_facility add
    constraint health_facility_items_pricelist_fk foreign key (items_pricelist_id) references items_pricelist (id),
    constraint health_facility_services_pricelist_fk foreign key (services_pricelist_id) references services_pricelist (id);
create index health_facility_items_pricelist_ix on health_facility (items_pricelist_id);
create index health_facility_services_pricelist_ix on health_facility (services_pricelist_id);
