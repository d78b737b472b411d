package org.healthclaims.api.demo;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Names, phone numbers and birth dates for generated people: common given and family names of East and West Africa,
 * where openIMIS runs, combined at random, so they name no one in particular.
 */
final class PeopleNames {

    private static final String[] MALE = {
        "Abdallah",
        "Ade",
        "Baraka",
        "Chidi",
        "Daudi",
        "Emeka",
        "Femi",
        "Hamisi",
        "Ibrahim",
        "Joseph",
        "Juma",
        "Kofi",
        "Kwame",
        "Musa",
        "Nuru",
        "Omari",
        "Peter",
        "Salim",
        "Tobi",
        "Tunde",
        "Yusuf",
        "Zuberi"
    };
    private static final String[] FEMALE = {
        "Abena", "Aisha", "Amina", "Bola", "Chioma", "Esi", "Fatuma", "Grace", "Halima", "Imani", "Kemi", "Lara",
        "Mariam", "Ngozi", "Neema", "Rehema", "Salma", "Sola", "Upendo", "Yaa", "Zainab", "Zawadi"
    };
    private static final String[] FAMILY = {
        "Achieng", "Adeyemi", "Banda", "Chande", "Diallo", "Eze", "Kamau", "Kimaro", "Lyimo", "Mensah", "Mrema",
        "Mushi", "Mwakyusa", "Ndlovu", "Njoroge", "Nkya", "Okafor", "Onyango", "Osei", "Otieno", "Phiri", "Sow",
        "Swai", "Tembo", "Wanjiku"
    };

    private PeopleNames() {}

    static String givenName(boolean female, SplittableRandom random) {
        String[] names = female ? FEMALE : MALE;
        return names[random.nextInt(names.length)];
    }

    static String familyName(SplittableRandom random) {
        return FAMILY[random.nextInt(FAMILY.length)];
    }

    /** A mobile number in the 07xx xxx xxx shape the demo's invented country uses. */
    static String phone(SplittableRandom random) {
        return "07" + (10_000_000 + random.nextInt(90_000_000));
    }

    /** Someone aged 25 to 60 on the scenario's today. */
    static LocalDate adultBirthDate(SplittableRandom random) {
        return birthDate(25, 60, random);
    }

    /** A birth date giving an age from {@code minAge} to {@code maxAge} (inclusive) on the scenario's today. */
    static LocalDate birthDate(int minAge, int maxAge, SplittableRandom random) {
        int age = minAge + random.nextInt(maxAge - minAge + 1);
        return DateShift.SCENARIO_TODAY.minusYears(age).minusDays(random.nextInt(365));
    }
}
