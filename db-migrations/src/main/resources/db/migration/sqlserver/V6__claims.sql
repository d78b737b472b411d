-- Claims with their item and service lines, the deductible/remuneration ledger, feedback, batch runs and relative
-- pricing (openIMIS tblClaim, tblClaimItems, tblClaimServices, tblClaimDedRem, tblFeedback, tblFeedbackPrompt,
-- tblBatchRun, tblRelIndex, tblRelDistr). Status codes are openIMIS's (domain.md §3), stored as-is.
--
-- SQL Server 2019+ (T-SQL) twin of postgresql/V6__claims.sql; the dialect notes are in V1.

create table batch_run (
    id            bigint           identity(1,1) constraint batch_run_pkey primary key,
    uuid          uniqueidentifier not null constraint batch_run_uuid_key unique,
    location_id   bigint           constraint batch_run_location_id_fkey references location (id),
    run_date      datetimeoffset   not null,
    run_year      int              not null,
    run_month     smallint         not null,
    validity_from datetimeoffset   not null constraint batch_run_validity_from_df default sysdatetimeoffset(),
    validity_to   datetimeoffset,
    legacy_id     bigint,
    audit_user_id bigint,
    constraint batch_run_month_ck check (run_month between 1 and 12)
);
create index batch_run_location_ix on batch_run (location_id);
-- "already run" is refused: one current run per (year, month, location); national runs have no location
-- PostgreSQL needs coalesce(location_id, -1) because its unique indexes treat NULLs as distinct; a SQL Server unique
-- index treats NULLs as equal, so the plain column already refuses a second current national run for a period
create unique index batch_run_period_current_ux on batch_run (run_year, run_month, location_id)
    where validity_to is null;

create table claim (
    id                    bigint           identity(1,1) constraint claim_pkey primary key,
    uuid                  uniqueidentifier not null constraint claim_uuid_key unique,
    [code]                nvarchar(50)     not null,
    insuree_id            bigint           not null constraint claim_insuree_id_fkey references insuree (id),
    health_facility_id    bigint           not null constraint claim_health_facility_id_fkey references health_facility (id),
    claim_admin_id        bigint           constraint claim_claim_admin_id_fkey references claim_admin (id),
    date_from             date             not null,
    date_to               date,
    date_claimed          date             not null,
    date_processed        date,
    icd_id                bigint           not null constraint claim_icd_id_fkey references diagnosis (id),
    icd_1_id              bigint           constraint claim_icd_1_id_fkey references diagnosis (id),
    icd_2_id              bigint           constraint claim_icd_2_id_fkey references diagnosis (id),
    icd_3_id              bigint           constraint claim_icd_3_id_fkey references diagnosis (id),
    icd_4_id              bigint           constraint claim_icd_4_id_fkey references diagnosis (id),
    visit_type            nvarchar(1),
    category              nvarchar(1),
    [status]              smallint         not null constraint claim_status_df default 2,
    review_status         smallint         not null constraint claim_review_status_df default 1,
    feedback_status       smallint         not null constraint claim_feedback_status_df default 1,
    approval_status       smallint         not null constraint claim_approval_status_df default 1,
    rejection_reason      smallint         not null constraint claim_rejection_reason_df default 0,
    claimed               decimal(18,2),
    approved              decimal(18,2),
    reinsured             decimal(18,2),
    valuated              decimal(18,2),
    remunerated           decimal(18,2),
    explanation           nvarchar(max),
    adjustment            nvarchar(max),
    adjuster_id           bigint           constraint claim_adjuster_id_fkey references app_user (id),
    feedback_available    bit              not null constraint claim_feedback_available_df default 0,
    feedback_id           bigint,
    guarantee_id          nvarchar(50),
    batch_run_id          bigint           constraint claim_batch_run_id_fkey references batch_run (id),
    submit_stamp          datetimeoffset,
    process_stamp         datetimeoffset,
    validity_from_review  datetimeoffset,
    validity_to_review    datetimeoffset,
    audit_user_id_review  bigint,
    audit_user_id_submit  bigint,
    audit_user_id_process bigint,
    refer_from_id         bigint           constraint claim_refer_from_id_fkey references health_facility (id),
    refer_to_id           bigint           constraint claim_refer_to_id_fkey references health_facility (id),
    care_type             nvarchar(4),
    restored_claim_id     bigint           constraint claim_restored_claim_id_fkey references claim (id),
    pre_authorization     bit,
    patient_condition     nvarchar(2),
    referral_code         nvarchar(50),
    json_ext              nvarchar(max),
    -- bumped by every write; the claims engine writes a result only for the version it read (idempotent writes)
    [version]             int              not null constraint claim_version_df default 0,
    validity_from         datetimeoffset   not null constraint claim_validity_from_df default sysdatetimeoffset(),
    validity_to           datetimeoffset,
    legacy_id             bigint,
    audit_user_id         bigint,
    constraint claim_status_ck check ([status] in (1, 2, 4, 8, 16)),
    constraint claim_review_status_ck check (review_status in (1, 2, 4, 8, 16)),
    constraint claim_feedback_status_ck check (feedback_status in (1, 2, 4, 8, 16)),
    constraint claim_rejection_reason_ck check (rejection_reason between -2 and 21),
    constraint claim_visit_type_ck check (visit_type in (N'E', N'R', N'O')),
    constraint claim_category_ck check (category in (N'S', N'D', N'A', N'H', N'C', N'O', N'V')),
    constraint claim_dates_ck check (date_to is null or date_to >= date_from),
    constraint claim_json_ext_json_ck check (isjson(json_ext) = 1)
);
-- claim codes are unique among current claims
create unique index claim_code_current_ux on claim ([code]) where validity_to is null;
-- the keysets of the read path: newest first overall, per facility, per status
create index claim_date_claimed_ix on claim (date_claimed desc, id desc) where validity_to is null;
create index claim_health_facility_date_ix on claim (health_facility_id, date_claimed desc, id desc) where validity_to is null;
create index claim_status_date_ix on claim ([status], date_claimed desc, id desc) where validity_to is null;
create index claim_insuree_ix on claim (insuree_id, date_from) where validity_to is null;
create index claim_claim_admin_ix on claim (claim_admin_id) where validity_to is null;
create index claim_icd_ix on claim (icd_id);
create index claim_icd_1_ix on claim (icd_1_id) where icd_1_id is not null;
create index claim_icd_2_ix on claim (icd_2_id) where icd_2_id is not null;
create index claim_icd_3_ix on claim (icd_3_id) where icd_3_id is not null;
create index claim_icd_4_ix on claim (icd_4_id) where icd_4_id is not null;
create index claim_adjuster_ix on claim (adjuster_id) where adjuster_id is not null;
create index claim_feedback_ix on claim (feedback_id) where feedback_id is not null;
create index claim_batch_run_ix on claim (batch_run_id) where batch_run_id is not null;
create index claim_refer_from_ix on claim (refer_from_id) where refer_from_id is not null;
create index claim_refer_to_ix on claim (refer_to_id) where refer_to_id is not null;
create index claim_restored_ix on claim (restored_claim_id) where restored_claim_id is not null;
create index claim_legacy_ix on claim (legacy_id) where legacy_id is not null;

create table claim_item (
    id                             bigint         identity(1,1) constraint claim_item_pkey primary key,
    claim_id                       bigint         not null constraint claim_item_claim_id_fkey references claim (id),
    item_id                        bigint         not null constraint claim_item_item_id_fkey references medical_item (id),
    product_id                     bigint         constraint claim_item_product_id_fkey references product (id),
    policy_id                      bigint         constraint claim_item_policy_id_fkey references policy (id),
    [status]                       smallint       not null constraint claim_item_status_df default 1,
    availability                   bit            not null constraint claim_item_availability_df default 1,
    qty_provided                   decimal(18,2)  not null,
    qty_approved                   decimal(18,2),
    price_asked                    decimal(18,2)  not null,
    price_adjusted                 decimal(18,2),
    price_approved                 decimal(18,2),
    price_valuated                 decimal(18,2),
    remunerated_amount             decimal(18,2),
    deductable_amount              decimal(18,2),
    exceed_ceiling_amount          decimal(18,2),
    exceed_ceiling_amount_category decimal(18,2),
    limitation                     nvarchar(1),
    limitation_value               decimal(18,2),
    price_origin                   nvarchar(1),
    rejection_reason               smallint       not null constraint claim_item_rejection_reason_df default 0,
    explanation                    nvarchar(max),
    justification                  nvarchar(max),
    validity_from_review           datetimeoffset,
    validity_to_review             datetimeoffset,
    audit_user_id_review           bigint,
    json_ext                       nvarchar(max),
    validity_from                  datetimeoffset not null constraint claim_item_validity_from_df default sysdatetimeoffset(),
    validity_to                    datetimeoffset,
    legacy_id                      bigint,
    audit_user_id                  bigint,
    constraint claim_item_status_ck check ([status] in (1, 2)),
    constraint claim_item_limitation_ck check (limitation in (N'C', N'F')),
    constraint claim_item_price_origin_ck check (price_origin in (N'P', N'O', N'R')),
    constraint claim_item_rejection_reason_ck check (rejection_reason between -2 and 21),
    constraint claim_item_quantity_ck check (qty_provided > 0),
    constraint claim_item_json_ext_json_ck check (isjson(json_ext) = 1)
);
create index claim_item_claim_ix on claim_item (claim_id, id) where validity_to is null;
create index claim_item_item_ix on claim_item (item_id);
create index claim_item_product_ix on claim_item (product_id) where product_id is not null;
create index claim_item_policy_ix on claim_item (policy_id) where policy_id is not null;

create table claim_service (
    id                             bigint         identity(1,1) constraint claim_service_pkey primary key,
    claim_id                       bigint         not null constraint claim_service_claim_id_fkey references claim (id),
    service_id                     bigint         not null constraint claim_service_service_id_fkey references medical_service (id),
    product_id                     bigint         constraint claim_service_product_id_fkey references product (id),
    policy_id                      bigint         constraint claim_service_policy_id_fkey references policy (id),
    [status]                       smallint       not null constraint claim_service_status_df default 1,
    qty_provided                   decimal(18,2)  not null,
    qty_approved                   decimal(18,2),
    price_asked                    decimal(18,2)  not null,
    price_adjusted                 decimal(18,2),
    price_approved                 decimal(18,2),
    price_valuated                 decimal(18,2),
    remunerated_amount             decimal(18,2),
    deductable_amount              decimal(18,2),
    exceed_ceiling_amount          decimal(18,2),
    exceed_ceiling_amount_category decimal(18,2),
    limitation                     nvarchar(1),
    limitation_value               decimal(18,2),
    price_origin                   nvarchar(1),
    rejection_reason               smallint       not null constraint claim_service_rejection_reason_df default 0,
    explanation                    nvarchar(max),
    justification                  nvarchar(max),
    validity_from_review           datetimeoffset,
    validity_to_review             datetimeoffset,
    audit_user_id_review           bigint,
    json_ext                       nvarchar(max),
    validity_from                  datetimeoffset not null constraint claim_service_validity_from_df default sysdatetimeoffset(),
    validity_to                    datetimeoffset,
    legacy_id                      bigint,
    audit_user_id                  bigint,
    constraint claim_service_status_ck check ([status] in (1, 2)),
    constraint claim_service_limitation_ck check (limitation in (N'C', N'F')),
    constraint claim_service_price_origin_ck check (price_origin in (N'P', N'O', N'R')),
    constraint claim_service_rejection_reason_ck check (rejection_reason between -2 and 21),
    constraint claim_service_quantity_ck check (qty_provided > 0),
    constraint claim_service_json_ext_json_ck check (isjson(json_ext) = 1)
);
create index claim_service_claim_ix on claim_service (claim_id, id) where validity_to is null;
create index claim_service_service_ix on claim_service (service_id);
create index claim_service_product_ix on claim_service (product_id) where product_id is not null;
create index claim_service_policy_ix on claim_service (policy_id) where policy_id is not null;

create table claim_ded_rem (
    id                  bigint         identity(1,1) constraint claim_ded_rem_pkey primary key,
    policy_id           bigint         not null constraint claim_ded_rem_policy_id_fkey references policy (id),
    insuree_id          bigint         constraint claim_ded_rem_insuree_id_fkey references insuree (id),
    claim_id            bigint         constraint claim_ded_rem_claim_id_fkey references claim (id),
    ded_g               decimal(18,2),
    ded_op              decimal(18,2),
    ded_ip              decimal(18,2),
    rem_g               decimal(18,2),
    rem_op              decimal(18,2),
    rem_ip              decimal(18,2),
    rem_consult         decimal(18,2),
    rem_surgery         decimal(18,2),
    rem_delivery        decimal(18,2),
    rem_hospitalization decimal(18,2),
    rem_antenatal       decimal(18,2),
    validity_from       datetimeoffset not null constraint claim_ded_rem_validity_from_df default sysdatetimeoffset(),
    validity_to         datetimeoffset,
    legacy_id           bigint,
    audit_user_id       bigint
);
create index claim_ded_rem_policy_ix on claim_ded_rem (policy_id, insuree_id) where validity_to is null;
create index claim_ded_rem_insuree_ix on claim_ded_rem (insuree_id);
create index claim_ded_rem_claim_ix on claim_ded_rem (claim_id);

create table feedback (
    id               bigint           identity(1,1) constraint feedback_pkey primary key,
    uuid             uniqueidentifier not null constraint feedback_uuid_key unique,
    claim_id         bigint           not null constraint feedback_claim_id_fkey references claim (id),
    care_rendered    bit,
    payment_asked    bit,
    drug_prescribed  bit,
    drug_received    bit,
    asessment        smallint,
    chf_officer_code bigint,
    feedback_date    datetimeoffset,
    validity_from    datetimeoffset   not null constraint feedback_validity_from_df default sysdatetimeoffset(),
    validity_to      datetimeoffset,
    legacy_id        bigint,
    audit_user_id    bigint,
    constraint feedback_asessment_ck check (asessment between 0 and 5)
);
create index feedback_claim_ix on feedback (claim_id);

alter table claim add constraint claim_feedback_fk foreign key (feedback_id) references feedback (id);

create table feedback_prompt (
    id                   bigint         identity(1,1) constraint feedback_prompt_pkey primary key,
    feedback_prompt_date date           not null,
    claim_id             bigint         not null constraint feedback_prompt_claim_id_fkey references claim (id),
    officer_id           bigint         constraint feedback_prompt_officer_id_fkey references officer (id),
    phone_number         nvarchar(50),
    sms_status           int            not null constraint feedback_prompt_sms_status_df default 0,
    validity_from        datetimeoffset not null constraint feedback_prompt_validity_from_df default sysdatetimeoffset(),
    validity_to          datetimeoffset,
    legacy_id            bigint,
    audit_user_id        bigint
);
create index feedback_prompt_claim_ix on feedback_prompt (claim_id);
create index feedback_prompt_officer_ix on feedback_prompt (officer_id);

create table relative_distribution (
    id              bigint           identity(1,1) constraint relative_distribution_pkey primary key,
    uuid            uniqueidentifier not null constraint relative_distribution_uuid_key unique,
    product_id      bigint           not null constraint relative_distribution_product_id_fkey references product (id),
    distr_type      smallint         not null,
    distr_care_type nvarchar(1)      not null,
    [period]        smallint         not null,
    distr_perc      decimal(18,2),
    validity_from   datetimeoffset   not null constraint relative_distribution_validity_from_df default sysdatetimeoffset(),
    validity_to     datetimeoffset,
    legacy_id       bigint,
    audit_user_id   bigint,
    constraint relative_distribution_type_ck check (distr_type in (1, 4, 12)),
    constraint relative_distribution_care_type_ck check (distr_care_type in (N'B', N'I', N'O')),
    constraint relative_distribution_period_ck check ([period] between 1 and 12)
);
create index relative_distribution_product_ix on relative_distribution (product_id) where validity_to is null;

create table relative_index (
    id            bigint           identity(1,1) constraint relative_index_pkey primary key,
    uuid          uniqueidentifier not null constraint relative_index_uuid_key unique,
    product_id    bigint           not null constraint relative_index_product_id_fkey references product (id),
    rel_type      smallint         not null,
    rel_care_type nvarchar(1)      not null,
    rel_year      int              not null,
    rel_period    smallint         not null,
    calc_date     datetimeoffset   not null,
    rel_index     decimal(18,4)    not null,
    location_id   bigint           constraint relative_index_location_id_fkey references location (id),
    validity_from datetimeoffset   not null constraint relative_index_validity_from_df default sysdatetimeoffset(),
    validity_to   datetimeoffset,
    legacy_id     bigint,
    audit_user_id bigint,
    constraint relative_index_type_ck check (rel_type in (1, 4, 12)),
    constraint relative_index_care_type_ck check (rel_care_type in (N'B', N'I', N'O'))
);
create index relative_index_product_ix on relative_index (product_id, rel_year, rel_period);
create index relative_index_location_ix on relative_index (location_id);
