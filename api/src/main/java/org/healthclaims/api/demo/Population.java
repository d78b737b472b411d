package org.healthclaims.api.demo;

import static org.healthclaims.api.demo.DateShift.SCENARIO_TODAY;
import static org.healthclaims.api.demo.Enrolment.POLICY_ACTIVE;
import static org.healthclaims.api.demo.Enrolment.POLICY_EXPIRED;
import static org.healthclaims.api.demo.Enrolment.POLICY_IDLE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.healthclaims.api.demo.Catalogue.Product;
import org.healthclaims.api.demo.Enrolment.Cover;
import org.healthclaims.api.demo.Enrolment.Member;
import org.healthclaims.api.demo.Enrolment.Person;
import org.healthclaims.api.demo.Enrolment.Policy;
import org.healthclaims.api.demo.Facilities.Facility;
import org.healthclaims.api.demo.LocationTree.Village;
import org.jspecify.annotations.Nullable;

/**
 * The generated households: {@value #FAMILIES} families of one to six members in every village, each with one policy
 * on PRD-BASIC or, in region R1 only, PRD-HOSP. Most policies are active and cover today, some expired, a few idle
 * (unpaid). Insurance numbers are nine digits from 210000000 up, apart from §9's 1000000xx.
 */
final class Population {

    static final int FAMILIES = 340;

    private static final int FIRST_CHF_ID = 210_000_000;
    /** Percent of families with 1, 2, ... 6 members: about 3.8 members a family. */
    private static final int[] SIZE_PERCENT = {10, 15, 20, 22, 18, 15};
    /** Percent of R1 families insured for hospital care (PRD-HOSP) rather than PRD-BASIC. */
    private static final int HOSPITAL_PERCENT = 35;

    private Population() {}

    /** Writes the families, insurees, policies, coverage and premiums; answers every member's coverage. */
    static List<Cover> write(
            Enrolment enrolment,
            LocationTree places,
            Catalogue catalogue,
            Facilities facilities,
            SplittableRandom random) {
        List<Cover> covers = new ArrayList<>();
        List<Village> villages = places.villages();
        int chfId = FIRST_CHF_ID;
        for (int f = 0; f < FAMILIES; f++) {
            Village village = villages.get(random.nextInt(villages.size()));
            boolean inR1 = village.district().region().code().equals("R1");
            Product product = inR1 && random.nextInt(100) < HOSPITAL_PERCENT ? catalogue.hospital() : catalogue.basic();
            int roll = random.nextInt(100);
            int status = roll < 80 ? POLICY_ACTIVE : roll < 90 ? POLICY_EXPIRED : POLICY_IDLE;
            LocalDate start = SCENARIO_TODAY.minusDays(
                    switch (status) {
                        case POLICY_ACTIVE -> 15 + random.nextInt(321);
                        case POLICY_EXPIRED -> 380 + random.nextInt(151);
                        default -> 1 + random.nextInt(30);
                    });
            LocalDate effective = status == POLICY_IDLE ? null : start;
            char stage = status == POLICY_ACTIVE && random.nextInt(4) == 0 ? 'R' : 'N';

            String lastName = PeopleNames.familyName(random);
            long familyId = enrolment.family(
                    village,
                    random.nextInt(100) < 15,
                    "Plot " + (1 + random.nextInt(120)) + ", " + village.name(),
                    null,
                    start);
            List<Facility> nearby = facilitiesIn(facilities, village);
            List<Person> people = household(lastName, size(random), nearby, random);
            List<Member> members = new ArrayList<>(people.size());
            for (int p = 0; p < people.size(); p++) {
                chfId += 1 + random.nextInt(97);
                Person person = people.get(p);
                // everyone was born by the day the family enrolled
                LocalDate dob = person.dob().isAfter(start) ? start.minusDays(1 + random.nextInt(30)) : person.dob();
                Person numbered = new Person(
                        Integer.toString(chfId),
                        person.lastName(),
                        person.otherNames(),
                        person.gender(),
                        dob,
                        person.marital(),
                        person.phone(),
                        person.relationship(),
                        person.profession(),
                        person.education(),
                        person.firstPointOfServiceId(),
                        person.cardIssued());
                members.add(enrolment.insuree(familyId, village, numbered, p == 0, start));
            }
            Policy policy =
                    enrolment.policy(familyId, village, product, status, stage, start, effective, members.size());
            for (Member member : members) covers.add(enrolment.cover(member, policy, start, effective));
        }
        return covers;
    }

    private static int size(SplittableRandom random) {
        int roll = random.nextInt(100);
        for (int s = 0; s < SIZE_PERCENT.length; s++) {
            roll -= SIZE_PERCENT[s];
            if (roll < 0) return s + 1;
        }
        return SIZE_PERCENT.length;
    }

    /**
     * A head aged 20 to 70, usually a spouse, sometimes the head's father or mother (60 to 85) in a large family, and
     * children up to 25 years old. Insurance numbers are given by the caller.
     */
    private static List<Person> household(String lastName, int size, List<Facility> nearby, SplittableRandom random) {
        List<Person> people = new ArrayList<>(size);
        int headAge = 20 + random.nextInt(51);
        char headGender = random.nextBoolean() ? 'F' : 'M';
        boolean married = size >= 2 && random.nextInt(100) < 80;
        people.add(person(
                lastName,
                headGender,
                age(headAge, random),
                married ? 'M' : single(random),
                true,
                null,
                adultProfession(random),
                nearby,
                random));
        if (married) {
            int spouseAge = Math.max(18, Math.min(85, headAge - 8 + random.nextInt(17)));
            people.add(person(
                    lastName,
                    headGender == 'F' ? 'M' : 'F',
                    age(spouseAge, random),
                    'M',
                    false,
                    Enrolment.SPOUSE,
                    adultProfession(random),
                    nearby,
                    random));
        }
        if (people.size() < size && size >= 5 && headAge <= 60 && random.nextInt(100) < 40) {
            int youngestParent = Math.max(headAge + 20, 60);
            int parentAge = youngestParent + random.nextInt(86 - youngestParent);
            people.add(person(
                    lastName,
                    random.nextBoolean() ? 'F' : 'M',
                    age(parentAge, random),
                    'W',
                    false,
                    Enrolment.FATHER_OR_MOTHER,
                    1 + random.nextInt(5),
                    nearby,
                    random));
        }
        // children were born when the head was 16 to 45
        int oldestChild = Math.min(25, headAge - 16);
        int youngestChild = Math.max(0, headAge - 45);
        while (people.size() < size) {
            int childAge = youngestChild + random.nextInt(oldestChild - youngestChild + 1);
            // the mask counts O as male; a few insurees record it
            char gender = random.nextInt(100) == 0 ? 'O' : random.nextBoolean() ? 'F' : 'M';
            people.add(person(
                    lastName,
                    gender,
                    age(childAge, random),
                    childAge >= 18 ? Character.valueOf('S') : null,
                    false,
                    Enrolment.SON_OR_DAUGHTER,
                    childAge >= 18 ? adultProfession(random) : null,
                    nearby,
                    random));
        }
        return people;
    }

    private static Person person(
            String lastName,
            char gender,
            LocalDate dob,
            @Nullable Character marital,
            boolean head,
            @Nullable Integer relationship,
            @Nullable Integer profession,
            List<Facility> nearby,
            SplittableRandom random) {
        int age = SCENARIO_TODAY.getYear() - dob.getYear();
        Integer education = age < 4 ? null : age < 14 ? 2 : 1 + random.nextInt(5);
        return new Person(
                "",
                lastName,
                PeopleNames.givenName(gender == 'F', random),
                gender,
                dob,
                marital,
                head ? PeopleNames.phone(random) : null,
                relationship,
                profession,
                education,
                nearby.get(random.nextInt(nearby.size())).id(),
                random.nextInt(100) < 75);
    }

    /** A birth date for someone {@code years} old on the scenario's today. */
    private static LocalDate age(int years, SplittableRandom random) {
        return SCENARIO_TODAY.minusYears(years).minusDays(random.nextInt(365));
    }

    private static char single(SplittableRandom random) {
        return "SWD".charAt(random.nextInt(3));
    }

    private static int adultProfession(SplittableRandom random) {
        return 1 + random.nextInt(5);
    }

    private static List<Facility> facilitiesIn(Facilities facilities, Village village) {
        List<Facility> nearby = new ArrayList<>();
        for (Facility facility : facilities.all()) {
            if (facility.district().id() == village.district().id()) nearby.add(facility);
        }
        return nearby;
    }
}
