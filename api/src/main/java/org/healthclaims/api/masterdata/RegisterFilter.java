package org.healthclaims.api.masterdata;

import java.util.List;
import java.util.Map;
import org.healthclaims.api.relay.Conditions;
import org.healthclaims.api.relay.KeysetOrder;
import org.healthclaims.api.relay.SortField;
import org.healthclaims.api.relay.SortField.KeyType;
import org.jspecify.annotations.Nullable;

/**
 * The filters every register list shares, under openIMIS's names: {@code code}, {@code code_Istartswith},
 * {@code name_Icontains}, {@code name_Istartswith} and {@code showHistory} (closed history rows too; by default only
 * current rows).
 */
public record RegisterFilter(
        @Nullable String code,
        @Nullable String codeStartsWith,
        @Nullable String nameContains,
        @Nullable String nameStartsWith,
        boolean showHistory) {

    public static RegisterFilter of(Map<String, Object> arguments) {
        return new RegisterFilter(
                (String) arguments.get("code"),
                (String) arguments.get("code_Istartswith"),
                (String) arguments.get("name_Icontains"),
                (String) arguments.get("name_Istartswith"),
                Boolean.TRUE.equals(arguments.get("showHistory")));
    }

    /**
     * The order of a register list: by code unless {@code orderBy} names code, name or id (with {@code -} for
     * descending); the current-code unique indexes serve the default.
     */
    public static KeysetOrder order(@Nullable List<String> orderBy, String alias) {
        return KeysetOrder.of(
                orderBy,
                List.of(
                        new SortField("code", alias + ".code", KeyType.TEXT),
                        new SortField("name", alias + ".name", KeyType.TEXT)),
                List.of("code"),
                new SortField("id", alias + ".id", KeyType.LONG));
    }

    /** The where fragments on table alias {@code alias}, whose name column is {@code name}. */
    public Conditions conditions(String alias) {
        Conditions where = new Conditions();
        if (!showHistory) where.always(alias + ".validity_to is null");
        return where.when(code, alias + ".code = :code", "code")
                .startsWith(codeStartsWith, "lower(" + alias + ".code)", "codePrefix")
                .contains(nameContains, "lower(" + alias + ".name)", "namePart")
                .startsWith(nameStartsWith, "lower(" + alias + ".name)", "namePrefix");
    }
}
