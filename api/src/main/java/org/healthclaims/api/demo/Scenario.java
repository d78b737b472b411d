package org.healthclaims.api.demo;

import static org.healthclaims.api.demo.Enrolment.POLICY_ACTIVE;
import static org.healthclaims.api.demo.Enrolment.POLICY_EXPIRED;
import static org.healthclaims.api.demo.Enrolment.POLICY_IDLE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.healthclaims.api.demo.Access.DemoUsers;
import org.healthclaims.api.demo.Catalogue.MedicalEntry;
import org.healthclaims.api.demo.Enrolment.Member;
import org.healthclaims.api.demo.Enrolment.Person;
import org.healthclaims.api.demo.Enrolment.Policy;
import org.healthclaims.api.demo.Facilities.Facility;
import org.healthclaims.api.demo.LocationTree.Village;
import org.jspecify.annotations.Nullable;

/**
 * domain.md §9's families FAM-A to FAM-D with their insurees and policies, and every claim of its claims table with
 * its exact code. The claims are stored as entered (status 2): the claims engine checks and values them, and the
 * expected outcomes in §9 are its tests. Dates are §9's, in the scenario calendar.
 */
final class Scenario {

    /** A claim line: asked unit price in whole currency units, null for the price-list price. */
    record ScenarioLine(
            String code,
            int quantity,
            @Nullable Integer askedUnits,
            @Nullable String explanation) {}

    /** A claim of §9's table; {@code claimed} null means DateTo ?? DateFrom. */
    record ScenarioClaim(
            String code,
            String facility,
            String chfId,
            LocalDate from,
            @Nullable LocalDate to,
            @Nullable LocalDate claimed,
            String icd,
            List<ScenarioLine> lines) {}

    static final List<ScenarioClaim> CLAIMS = List.of(
            claim(
                    "CLM-OK-OP",
                    "HF-D1",
                    "100000001",
                    day(5, 2),
                    null,
                    "B54",
                    line("S0001", 1, 500),
                    line("I0001", 10, 10)),
            claim("CLM-REG", "HF-D1", "100000001", day(5, 3), null, "B54", line("I0004", 1)),
            claim("CLM-PL", "HF-D1", "100000001", day(5, 3), null, "B54", line("I0005", 1), line("I0001", 1)),
            claim("CLM-NOPROD", "HF-D1", "100000001", day(5, 4), null, "B54", line("S0006", 1)),
            claim(
                    "CLM-CARE",
                    "HF-D1",
                    "100000001",
                    day(5, 4),
                    day(5, 6),
                    "B54",
                    new ScenarioLine("S0005", 2, null, "Kept two days for observation after dehydration")),
            claim("CLM-MASK", "HF-H1", "100000002", day(5, 5), day(5, 6), "B54", line("I0003", 1)),
            claim("CLM-FREQ1", "HF-D1", "100000002", day(5, 10), null, "B54", line("I0002", 5, 45)),
            claim("CLM-FREQ2", "HF-D1", "100000002", day(5, 13), null, "B54", line("I0002", 5, 45)),
            claim("CLM-NOCOV", "HF-D1", "100000004", day(5, 10), null, "B54", line("S0001", 1)),
            new ScenarioClaim(
                    "CLM-DATE",
                    "HF-D1",
                    "100000001",
                    day(5, 20),
                    null,
                    day(5, 19),
                    "B54",
                    List.of(line("I0001", 1, 10))),
            claim("CLM-MAXPROV-1", "HF-D1", "100000001", day(5, 21), null, "B54", line("S0001", 1)),
            claim("CLM-MAXPROV-2", "HF-D1", "100000001", day(5, 22), null, "B54", line("S0001", 1)),
            claim("CLM-MAXPROV-3", "HF-D1", "100000001", day(5, 23), null, "B54", line("S0001", 1)),
            claim("CLM-WAIT", "HF-H1", "100000003", day(5, 24), day(5, 25), "B54", line("S0005", 1)),
            claim("CLM-CONS-MAX-1", "HF-D1", "100000006", day(2, 3), null, "B54", line("S0007", 1, 300)),
            claim("CLM-CONS-MAX-2", "HF-D1", "100000006", day(3, 3), null, "B54", line("S0007", 1, 300)),
            claim("CLM-CONS-MAX-3", "HF-D1", "100000006", day(4, 3), null, "B54", line("S0007", 1, 300)),
            claim("CLM-CONS-MAX-4", "HF-D1", "100000006", day(5, 5), null, "B54", line("S0007", 1, 300)),
            claim("CLM-DELIV", "HF-H1", "100000001", day(5, 26), day(5, 27), "O80", line("S0002", 1), line("I0003", 1)),
            claim("CLM-DELIV-2", "HF-H1", "100000001", day(6, 1), day(6, 2), "O80", line("S0002", 1)),
            claim("CLM-SURG", "HF-H1", "100000001", day(6, 3), day(6, 5), "K35", line("S0003", 1, 30000)),
            claim("CLM-BEST", "HF-H1", "100000001", day(6, 6), day(6, 7), "B54", line("S0005", 1, 1800)),
            claim("CLM-OWN", "HF-C2", "100000006", day(6, 6), day(6, 7), "B54", line("S0005", 1, 1800)),
            claim("CLM-REVIEW", "HF-D1", "100000002", day(6, 8), null, "B54", line("I0001", 20)));

    private Scenario() {}

    /** Writes §9's families and claims; answers the insurees by insurance number. */
    static Map<String, Member> write(
            Enrolment enrolment,
            LocationTree places,
            Catalogue catalogue,
            Facilities facilities,
            DemoUsers users,
            ClaimWriter claims) {
        Map<String, Member> insurees = new HashMap<>();
        Village rachla = places.village("R1D1M1V1");
        LocalDate policyStart = LocalDate.of(2024, 9, 1);

        long famA = enrolment.family(rachla, false, "Plot 4, Rachla", "FAM-A", policyStart);
        Member kemi = head(
                enrolment,
                insurees,
                famA,
                rachla,
                "100000001",
                "Doe",
                "Kemi",
                'F',
                LocalDate.of(1990, 3, 1),
                policyStart);
        Member tobi = enrolment.insuree(
                famA,
                rachla,
                person("100000002", "Doe", "Tobi", 'M', LocalDate.of(2018, 5, 5), Enrolment.SON_OR_DAUGHTER),
                false,
                policyStart);
        LocalDate adeJoined = LocalDate.of(2025, 4, 1);
        Member ade = enrolment.insuree(
                famA,
                rachla,
                person("100000003", "Doe", "Ade", 'M', LocalDate.of(1985, 1, 1), Enrolment.SPOUSE),
                false,
                adeJoined);
        insurees.put("100000002", tobi);
        insurees.put("100000003", ade);
        for (Catalogue.Product product : List.of(catalogue.basic(), catalogue.hospital())) {
            Policy policy = enrolment.policy(famA, rachla, product, POLICY_ACTIVE, 'N', policyStart, policyStart, 3);
            enrolment.cover(kemi, policy, policyStart, policyStart);
            enrolment.cover(tobi, policy, policyStart, policyStart);
            // added later: his coverage starts after the policy's, so waiting periods apply to him (CLM-WAIT)
            enrolment.cover(ade, policy, adeJoined, adeJoined);
        }

        LocalDate lastYear = LocalDate.of(2024, 1, 1);
        long famB = enrolment.family(rachla, false, "Plot 9, Rachla", "FAM-B", lastYear);
        Member sola = head(
                enrolment, insurees, famB, rachla, "100000004", "Bee", "Sola", 'F', LocalDate.of(1970, 7, 7), lastYear);
        Policy expired = enrolment.policy(famB, rachla, catalogue.basic(), POLICY_EXPIRED, 'N', lastYear, lastYear, 1);
        enrolment.cover(sola, expired, lastYear, lastYear);

        LocalDate idleSince = LocalDate.of(2025, 6, 1);
        long famC = enrolment.family(rachla, false, "Plot 15, Rachla", "FAM-C", idleSince);
        Member lara = head(
                enrolment,
                insurees,
                famC,
                rachla,
                "100000005",
                "Cee",
                "Lara",
                'F',
                LocalDate.of(1995, 2, 2),
                idleSince);
        Policy idle = enrolment.policy(famC, rachla, catalogue.basic(), POLICY_IDLE, 'N', idleSince, null, 1);
        enrolment.cover(lara, idle, idleSince, null);

        Village famDVillage = places.village("R2D1M1V1");
        long famD = enrolment.family(famDVillage, false, "Plot 2, Sanje", "FAM-D", policyStart);
        Member musa = head(
                enrolment,
                insurees,
                famD,
                famDVillage,
                "100000006",
                "Dee",
                "Musa",
                'M',
                LocalDate.of(1960, 6, 6),
                policyStart);
        Policy famDPolicy =
                enrolment.policy(famD, famDVillage, catalogue.basic(), POLICY_ACTIVE, 'N', policyStart, policyStart, 1);
        enrolment.cover(musa, famDPolicy, policyStart, policyStart);

        for (ScenarioClaim scenarioClaim : CLAIMS) {
            claims.write(draft(scenarioClaim, insurees, catalogue, facilities, users, claims.nextId()));
        }
        return insurees;
    }

    private static ClaimDraft draft(
            ScenarioClaim source,
            Map<String, Member> insurees,
            Catalogue catalogue,
            Facilities facilities,
            DemoUsers users,
            long id) {
        List<ClaimDraft.Line> lines = new ArrayList<>();
        for (ScenarioLine line : source.lines()) {
            MedicalEntry entry = catalogue.entry(line.code());
            // unstated asked prices are the price-list price, or the register's for an entry in no list (I0005)
            Integer askedUnits = line.askedUnits();
            long asked =
                    askedUnits != null ? askedUnits * 100L : entry.isListed() ? entry.listPrice() : entry.priceCents();
            lines.add(new ClaimDraft.Line(entry, line.quantity(), asked, line.explanation()));
        }
        Member insuree = insurees.get(source.chfId());
        if (insuree == null) throw new IllegalArgumentException("no §9 insuree " + source.chfId());
        Facility facility = facilities.byCode(source.facility());
        LocalDate claimedOn = source.claimed();
        LocalDate to = source.to();
        LocalDate claimed = claimedOn != null ? claimedOn : to != null ? to : source.from();
        ClaimDraft claim = new ClaimDraft(
                insuree,
                facility,
                source.from(),
                to,
                claimed,
                catalogue.diagnosis(source.icd()),
                lines,
                claimed.atTime(9, 0),
                facility.code().equals("HF-D1") ? users.claimAdmin() : users.admin());
        claim.id = id;
        claim.code = source.code();
        return claim;
    }

    private static Member head(
            Enrolment enrolment,
            Map<String, Member> insurees,
            long familyId,
            Village village,
            String chfId,
            String lastName,
            String otherNames,
            char gender,
            LocalDate dob,
            LocalDate since) {
        Member head = enrolment.insuree(
                familyId, village, person(chfId, lastName, otherNames, gender, dob, null), true, since);
        insurees.put(chfId, head);
        return head;
    }

    private static Person person(
            String chfId, String lastName, String otherNames, char gender, LocalDate dob, @Nullable Integer relation) {
        return new Person(chfId, lastName, otherNames, gender, dob, null, null, relation, null, null, null, false);
    }

    private static LocalDate day(int month, int day) {
        return LocalDate.of(2025, month, day);
    }

    private static ScenarioLine line(String code, int quantity) {
        return new ScenarioLine(code, quantity, null, null);
    }

    private static ScenarioLine line(String code, int quantity, int askedUnits) {
        return new ScenarioLine(code, quantity, askedUnits, null);
    }

    private static ScenarioClaim claim(
            String code,
            String facility,
            String chfId,
            LocalDate from,
            @Nullable LocalDate to,
            String icd,
            ScenarioLine... lines) {
        return new ScenarioClaim(code, facility, chfId, from, to, null, icd, List.of(lines));
    }
}
