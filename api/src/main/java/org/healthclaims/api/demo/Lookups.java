package org.healthclaims.api.demo;

/**
 * The lookup lists of domain.md §2.18 with English names, after openIMIS's base data (5_base_data.sql) where it has
 * them. A few rows each: one statement, one round trip.
 */
final class Lookups {

    static final String INSERT = """
            insert into gender (code, gender, sort_order)
            values ('M', 'Male', 1), ('F', 'Female', 2), ('O', 'Other', 3);

            insert into family_type (code, family_type, sort_order)
            values ('H', 'Household', 1), ('P', 'Polygamous household', 2), ('O', 'Orphanage', 3), ('C', 'Council', 4);

            insert into confirmation_type (code, confirmation_type, sort_order)
            values ('A', 'Letter of the village chief', 1), ('B', 'Social welfare letter', 2), ('C', 'Poverty card', 3);

            insert into relation (id, relation, sort_order)
            values (1, 'Brother/Sister', 1), (2, 'Father/Mother', 2), (3, 'Uncle/Aunt', 3), (4, 'Son/Daughter', 4),
                   (5, 'Grand parents', 5), (6, 'Employee', 6), (7, 'Others', 7), (8, 'Spouse', 8);

            insert into profession (id, profession, sort_order)
            values (1, 'Housewife', 1), (2, 'Employee', 2), (3, 'Self-employed', 3), (4, 'Farmer', 4), (5, 'Others', 5);

            insert into education (id, education, sort_order)
            values (1, 'Nursery', 1), (2, 'Primary school', 2), (3, 'Secondary school', 3), (4, 'University', 4),
                   (5, 'Postgraduate studies', 5), (6, 'None', 6);

            insert into identification_type (code, identification_type, sort_order)
            values ('D', 'Driver''s licence', 1), ('N', 'National ID', 2), ('P', 'Passport', 3), ('V', 'Voter card', 4);

            insert into legal_form (code, legal_form, sort_order)
            values ('C', 'Charity', 1), ('D', 'District organisation', 2), ('G', 'Government', 3),
                   ('P', 'Private organisation', 4);

            insert into hf_sublevel (code, hf_sublevel, sort_order)
            values ('I', 'Integrated', 1), ('N', 'Normal', 2), ('R', 'Referral', 3)""";

    private Lookups() {}
}
