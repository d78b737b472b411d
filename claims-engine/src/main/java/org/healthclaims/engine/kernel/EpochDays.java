package org.healthclaims.engine.kernel;

/**
 * Calendar arithmetic on epoch days (days since 1970-01-01) without objects, for the kernel's loops: the civil
 * calendar conversions of the proleptic Gregorian calendar, as java.time computes them.
 */
final class EpochDays {

    private EpochDays() {}

    /** {@code epochDay} plus {@code months} calendar months, clamped to the last day of the month (Jan 31 + 1 = Feb 28/29). */
    static int plusMonths(int epochDay, int months) {
        // civil date from days (H. Hinnant's days_from_civil, inverted)
        int z = epochDay + 719_468;
        int era = Math.floorDiv(z, 146_097);
        int doe = z - era * 146_097;
        int yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        int y = yoe + era * 400;
        int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        int mp = (5 * doy + 2) / 153;
        int d = doy - (153 * mp + 2) / 5 + 1;
        int m = mp < 10 ? mp + 3 : mp - 9;
        if (m <= 2) y++;

        int total = y * 12 + (m - 1) + months;
        int year = Math.floorDiv(total, 12);
        int month = Math.floorMod(total, 12) + 1;
        int day = Math.min(d, lengthOfMonth(year, month));
        return ofCivil(year, month, day);
    }

    static int ofCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
