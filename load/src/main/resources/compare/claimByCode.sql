-- C for PostgreSQL alone: claimByCode.graphql as one statement.
select json_build_object('data', json_build_object('claims', json_build_object(
         'edges', coalesce(json_agg(json_build_object('node', json_build_object(
             'id', c.id, 'uuid', c.uuid, 'code', c.code, 'status', c.status, 'dateFrom', c.date_from,
             'dateTo', c.date_to, 'dateClaimed', c.date_claimed, 'claimed', c.claimed::text,
             'approved', c.approved::text, 'valuated', c.valuated::text,
             'insuree', json_build_object('chfId', i.chf_id),
             'healthFacility', json_build_object('code', hf.code),
             'icd', json_build_object('code', d.code),
             'items', (select coalesce(json_agg(json_build_object('qtyProvided', ci.qty_provided::text,
                                 'priceAsked', ci.price_asked::text, 'item', json_build_object('code', mi.code))
                                 order by ci.id), '[]')
                         from claim_item ci join medical_item mi on mi.id = ci.item_id
                        where ci.claim_id = c.id and ci.validity_to is null),
             'services', (select coalesce(json_agg(json_build_object('qtyProvided', cs.qty_provided::text,
                                 'priceAsked', cs.price_asked::text, 'service', json_build_object('code', ms.code))
                                 order by cs.id), '[]')
                            from claim_service cs join medical_service ms on ms.id = cs.service_id
                           where cs.claim_id = c.id and cs.validity_to is null)))), '[]'))))
  from claim c
  join insuree i on i.id = c.insuree_id
  join health_facility hf on hf.id = c.health_facility_id
  join diagnosis d on d.id = c.icd_id
 where c.code = :code and c.validity_to is null;
