-- B for PostgreSQL alone: insureeSearch.graphql as one statement; :pattern is the escaped, lower-case prefix with %.
select json_build_object('data', json_build_object('insurees', json_build_object(
         'edges', coalesce(json_agg(json_build_object('node', json_build_object(
             'id', s.id, 'uuid', s.uuid, 'chfId', s.chf_id, 'lastName', s.last_name, 'otherNames', s.other_names,
             'dob', s.dob, 'head', s.head)) order by s.id), '[]'))))
  from (select i.id, i.uuid, i.chf_id, i.last_name, i.other_names, i.dob, i.head
          from insuree i
         where lower(i.last_name) like :pattern and i.validity_to is null
         order by i.id
         limit 20) s;
