-- A for PostgreSQL alone: the claims page of compare/claimsPage.graphql as one statement returning the whole answer, shaped as
-- the servers' JSON (the same reader normalises all three). Run by pgbench -M prepared; :first is a bound parameter.
select json_build_object('data', json_build_object('claims', json_build_object(
         'pageInfo', json_build_object('hasNextPage',
             (select count(*) from (select 1 from claim k where k.validity_to is null limit :first + 1) n) > :first),
         'edges', coalesce(json_agg(json_build_object('node', json_build_object(
             'id', c.id, 'uuid', c.uuid, 'code', c.code, 'status', c.status, 'dateFrom', c.date_from,
             'dateTo', c.date_to, 'dateClaimed', c.date_claimed, 'claimed', c.claimed::text,
             'approved', c.approved::text, 'valuated', c.valuated::text,
             'insuree', json_build_object('chfId', i.chf_id,
                 'family', json_build_object('headInsuree', json_build_object('chfId', h.chf_id))),
             'healthFacility', json_build_object('code', hf.code, 'name', hf.name),
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
                           where cs.claim_id = c.id and cs.validity_to is null)))
             order by c.date_claimed desc, c.id desc), '[]'))))
  from (select p.id, p.uuid, p.code, p.status, p.date_from, p.date_to, p.date_claimed, p.claimed, p.approved,
               p.valuated, p.insuree_id, p.health_facility_id, p.icd_id
          from claim p
         where p.validity_to is null
         order by p.date_claimed desc, p.id desc
         limit :first) c
  join insuree i on i.id = c.insuree_id
  left join family f on f.id = i.family_id
  left join insuree h on h.id = f.head_insuree_id
  join health_facility hf on hf.id = c.health_facility_id
  join diagnosis d on d.id = c.icd_id;
