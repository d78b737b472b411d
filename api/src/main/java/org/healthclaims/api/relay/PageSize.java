package org.healthclaims.api.relay;

import org.healthclaims.api.guard.InvalidArgument;
import org.jspecify.annotations.Nullable;

/** The {@code first} argument of every connection: 50 when absent, 0..500 allowed, checked before any SQL runs. */
public final class PageSize {

    public static final int DEFAULT = 50;
    public static final int MAX = 500;

    private PageSize() {}

    public static int first(@Nullable Integer first) {
        if (first == null) return DEFAULT;
        if (first < 0) throw new InvalidArgument("INVALID_PAGE_SIZE", "first must not be negative, was " + first);
        if (first > MAX)
            throw new InvalidArgument("PAGE_SIZE_TOO_LARGE", "first must be at most " + MAX + ", was " + first);
        return first;
    }
}
