package org.healthclaims.api.relay;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.healthclaims.api.guard.InvalidArgument;

/**
 * Relay global ids as openIMIS (graphene) writes them: base64 of {@code <Type>:<pk>}, e.g. {@code
 * ClaimGQLType:42}. openIMIS's front-ends decode them to get the integer id, so the format is part of the contract.
 */
public final class GlobalId {

    private GlobalId() {}

    public static String encode(String typeName, long pk) {
        return Base64.getEncoder().encodeToString((typeName + ":" + pk).getBytes(StandardCharsets.UTF_8));
    }

    /** The primary key inside a global id of the expected type; a typed error for anything else. */
    public static long decode(String expectedTypeName, String globalId) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(globalId), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgument("INVALID_ID", "not a global id: " + globalId);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || !decoded.substring(0, colon).equals(expectedTypeName))
            throw new InvalidArgument("INVALID_ID", "not a " + expectedTypeName + " id: " + globalId);
        try {
            return Long.parseLong(decoded.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new InvalidArgument("INVALID_ID", "not a " + expectedTypeName + " id: " + globalId);
        }
    }
}
