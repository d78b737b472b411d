package org.healthclaims.api.demo;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.healthclaims.api.demo.Facilities.Facility;
import org.healthclaims.api.demo.Officers.Officer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * openIMIS's twelve system roles with their default rights (domain.md §6.2), a custom read-only role "Viewer", and
 * §9's six demo users with their roles and location scope. Passwords are the user name + "123", except openIMIS's
 * default Admin / admin123.
 */
final class Access {

    static final String COPY_ROLE = """
            copy role (id, uuid, name, is_system, is_blocked, validity_from) from stdin""";
    static final String COPY_ROLE_RIGHT = """
            copy role_right (id, role_id, right_id, validity_from) from stdin""";
    static final String COPY_APP_USER = """
            copy app_user (id, uuid, language_id, last_name, other_names, phone, login_name, role_id,
                           health_facility_id, password_hash, user_type, claim_admin_id, officer_id, validity_from)
            from stdin""";
    static final String COPY_USER_ROLE = """
            copy user_role (id, user_id, role_id, validity_from) from stdin""";
    static final String COPY_USER_DISTRICT = """
            copy user_district (id, user_id, location_id, validity_from) from stdin""";

    /** A system role: openIMIS stores its bit (tblRole.IsSystem, 5_base_data.sql); custom roles have 0. */
    private record Role(long id, String name, int systemBit) {}

    /**
     * A demo user: the legacy role bits (app_user.role_id) are its role's; a claim administrator or officer is also
     * linked to that person. The password is the login + "123", except openIMIS's default Admin / admin123.
     */
    private record DemoUser(
            String login,
            String lastName,
            String otherNames,
            String role,
            String userType,
            @Nullable Long healthFacilityId,
            @Nullable Long claimAdminId,
            @Nullable Long officerId,
            List<Long> locationIds) {

        String password() {
            return login.equals("Admin") ? "admin123" : login + "123";
        }
    }

    /** The demo users the claims are audited under. */
    record DemoUsers(long admin, long claimAdmin, long medicalOfficer, long enrolment, long accountant, long viewer) {}

    private static final int[] ENROLMENT_OFFICER =
            rights(range(101001, 101004), range(101101, 101105), range(101201, 101205), of(111001, 111009));
    // §6.2 names no defaults for Manager, Scheme, HF and Offline Administrator: each gets what its name implies,
    // reading for the manager, the registers for the scheme administrator, facilities for the other two
    private static final int[] MANAGER = of(101001, 101101, 101201, 101500, 111001, 111102, 131218);
    // §6.2's 111101-111103 plus what §9's accountant does: search claims (111001) and process them (111011)
    private static final int[] ACCOUNTANT = of(111001, 111011, 111101, 111102, 111103);
    private static final int[] CLERK =
            rights(range(101001, 101004), range(101101, 101105), range(101201, 101205), of(101500));
    private static final int[] MEDICAL_OFFICER = of(111001, 111008, 111009, 111010, 111011);
    private static final int[] SCHEME_ADMINISTRATOR = rights(
            range(121001, 121005),
            range(121101, 121104),
            range(121201, 121205),
            range(121301, 121305),
            range(121401, 121404),
            range(122101, 122104));
    // every right §6.2 lists, ranges expanded
    private static final int[] IMIS_ADMINISTRATOR = rights(
            range(101001, 101004),
            range(101101, 101105),
            range(101201, 101205),
            of(101500, 111001, 111002),
            range(111004, 111012),
            range(111101, 111103),
            range(121001, 121005),
            range(121101, 121104),
            range(121201, 121205),
            range(121301, 121305),
            range(121401, 121404),
            range(122101, 122104),
            range(121901, 121906),
            of(131218));
    private static final int[] RECEPTIONIST = of(101001, 101101, 101105, 101201);
    private static final int[] CLAIM_ADMINISTRATOR =
            of(111001, 111002, 111004, 111005, 111006, 111007, 111012, 101001, 101101, 101105, 101201);
    private static final int[] CLAIM_CONTRIBUTOR = of(111001, 111002, 111005);
    private static final int[] HF_ADMINISTRATOR = of(111001, 121101, 121103);
    private static final int[] OFFLINE_ADMINISTRATOR = of(101001, 101101, 101201, 111001, 121101);
    private static final int[] VIEWER = of(101001, 101101, 101201, 111001, 121001, 121101, 122101, 121401, 121901);

    private Access() {}

    static DemoUsers write(DemoRows rows, LocationTree places, Facilities facilities, Officers officers) {
        List<Role> roles = List.of(
                role(rows, "Enrolment Officer", 1, ENROLMENT_OFFICER),
                role(rows, "Manager", 2, MANAGER),
                role(rows, "Accountant", 4, ACCOUNTANT),
                role(rows, "Clerk", 8, CLERK),
                role(rows, "Medical Officer", 16, MEDICAL_OFFICER),
                role(rows, "Scheme Administrator", 32, SCHEME_ADMINISTRATOR),
                role(rows, "IMIS Administrator", 64, IMIS_ADMINISTRATOR),
                role(rows, "Receptionist", 128, RECEPTIONIST),
                role(rows, "Claim Administrator", 256, CLAIM_ADMINISTRATOR),
                role(rows, "Claim Contributor", 512, CLAIM_CONTRIBUTOR),
                role(rows, "HF Administrator", 524_288, HF_ADMINISTRATOR),
                role(rows, "Offline Administrator", 1_048_576, OFFLINE_ADMINISTRATOR),
                role(rows, "Viewer", 0, VIEWER));

        long r1 = places.region("R1").id();
        long r2 = places.region("R2").id();
        long r1d1 = places.district("R1D1").id();
        Facility dispensary = facilities.byCode("HF-D1");
        Officer eo1 = officers.byCode("eo1");
        List<DemoUser> demoUsers = List.of(
                new DemoUser(
                        "Admin",
                        "Admin",
                        "Admin",
                        "IMIS Administrator",
                        "INTERACTIVE",
                        null,
                        null,
                        null,
                        List.of(r1, r2)),
                new DemoUser(
                        "claimadmin",
                        dispensary.admin().lastName(),
                        dispensary.admin().otherNames(),
                        "Claim Administrator",
                        "CLAIM_ADMIN",
                        dispensary.id(),
                        dispensary.admin().id(),
                        null,
                        List.of()),
                new DemoUser(
                        "medofficer",
                        "Mrema",
                        "Grace",
                        "Medical Officer",
                        "INTERACTIVE",
                        null,
                        null,
                        null,
                        List.of(r1d1)),
                new DemoUser(
                        "enrolment",
                        eo1.lastName(),
                        eo1.otherNames(),
                        "Enrolment Officer",
                        "OFFICER",
                        null,
                        null,
                        eo1.id(),
                        List.of(r1d1)),
                new DemoUser(
                        "accountant", "Kimaro", "Peter", "Accountant", "INTERACTIVE", null, null, null, List.of(r1)),
                new DemoUser("viewer", "Viewer", "Demo", "Viewer", "INTERACTIVE", null, null, null, List.of(r1, r2)));

        // one encoder, one hash per user: BCrypt's cost is the bulk of the load's time
        BCryptPasswordEncoder passwords = new BCryptPasswordEncoder();
        long[] ids = new long[demoUsers.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = user(rows, passwords, demoUsers.get(i), roles);
        return new DemoUsers(ids[0], ids[1], ids[2], ids[3], ids[4], ids[5]);
    }

    private static Role role(DemoRows rows, String name, int systemBit, int[] rights) {
        long id = rows.role.nextId();
        rows.role
                .number(id)
                .uuid()
                .text(name)
                .number(systemBit)
                .flag(false)
                .time(DateShift.REGISTERS_SINCE)
                .endRow();
        for (int right : rights) {
            rows.roleRight
                    .number(rows.roleRight.nextId())
                    .number(id)
                    .number(right)
                    .time(DateShift.REGISTERS_SINCE)
                    .endRow();
        }
        return new Role(id, name, systemBit);
    }

    private static Role role(List<Role> roles, String name) {
        for (Role role : roles) if (role.name().equals(name)) return role;
        throw new IllegalArgumentException("no role " + name);
    }

    /** A user with one role and its location scope (user_district rows: a region grants all its districts). */
    private static long user(DemoRows rows, BCryptPasswordEncoder passwords, DemoUser user, List<Role> roles) {
        Role role = role(roles, user.role());
        long id = rows.appUser.nextId();
        rows.appUser
                .number(id)
                .uuid()
                .text("en")
                .text(user.lastName())
                .text(user.otherNames())
                .nul()
                .text(user.login())
                .number(role.systemBit())
                .number(user.healthFacilityId())
                .text(passwords.encode(user.password()))
                .text(user.userType())
                .number(user.claimAdminId())
                .number(user.officerId())
                .time(DateShift.REGISTERS_SINCE)
                .endRow();
        rows.userRole
                .number(rows.userRole.nextId())
                .number(id)
                .number(role.id())
                .time(DateShift.REGISTERS_SINCE)
                .endRow();
        for (long locationId : user.locationIds()) {
            rows.userDistrict
                    .number(rows.userDistrict.nextId())
                    .number(id)
                    .number(locationId)
                    .time(DateShift.REGISTERS_SINCE)
                    .endRow();
        }
        return id;
    }

    private static int[] of(int... rights) {
        return rights;
    }

    private static int[] range(int first, int last) {
        return IntStream.rangeClosed(first, last).toArray();
    }

    private static int[] rights(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }
}
