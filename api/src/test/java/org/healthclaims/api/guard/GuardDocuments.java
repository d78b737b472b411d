package org.healthclaims.api.guard;

/** Documents the guard tests send: real queries that must pass and attacks that must not. */
final class GuardDocuments {

    /**
     * Our deepest real query, 11 fields deep: a claim's facility with its district's region, and its insuree's family
     * head's family's village with the village's municipality and district (as openIMIS's families query nests
     * location { parent { parent { parent } } }).
     */
    static final String DEEP_BUT_LEGITIMATE = """
            { claims(first: 5) { edges { node {
                code
                healthFacility { code location { code parent { code } } }
                insuree { chfId family { headInsuree { chfId family { location { code parent { parent { code } } } } } } }
            } } } }""";

    /** openIMIS's families list: each family's village up to its region. */
    static final String FAMILIES_WITH_LOCATIONS = """
            { families(first: 50) { edges { node {
                uuid headInsuree { chfId lastName }
                location { code name parent { code name parent { code name parent { code name } } } }
            } } } }""";

    private GuardDocuments() {}

    /** insuree { family { headInsuree { family { … } } } }, nested {@code levels} family-head rounds deep. */
    static String familyLoop(int levels) {
        StringBuilder query = new StringBuilder("{ claims(first: 1) { edges { node { insuree { ");
        query.append("family { headInsuree { ".repeat(levels));
        query.append("chfId");
        query.append(" } }".repeat(levels));
        return query.append(" } } } } }").toString();
    }

    /** {@code count} aliases of one field, each its own result key. */
    static String aliasFlood(int count) {
        StringBuilder query = new StringBuilder("{ claims(first: 1) { edges { node {");
        for (int i = 0; i < count; i++) query.append(" a").append(i).append(": code");
        return query.append(" } } } }").toString();
    }

    /** {@code pages} aliased claims pages of 500, each with the lines and relations a claims list shows. */
    static String pagesOf500(int pages) {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < pages; i++) query.append(" p").append(i).append("""
                            : claims(first: 500) { edges { node {
                                code status dateClaimed claimed
                                insuree { chfId family { headInsuree { chfId } } }
                                healthFacility { code name } icd { code }
                                items { qtyProvided priceAsked item { code } }
                                services { qtyProvided priceAsked service { code } }
                            } } }""");
        return query.append(" }").toString();
    }
}
