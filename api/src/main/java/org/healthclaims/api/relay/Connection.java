package org.healthclaims.api.relay;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a Relay connection as openIMIS's {@code ExtendedConnection} shapes it. {@code totalCount} is null
 * unless the query asked for it: counting costs a statement of its own.
 */
public record Connection<T>(
        List<Edge<T>> edges, PageInfo pageInfo, @Nullable Integer totalCount) {

    public Connection {
        edges = List.copyOf(edges);
    }

    public int edgeCount() {
        return edges.size();
    }

    /** One row and its cursor. */
    public record Edge<T>(T node, String cursor) {}

    /** Relay's page info; cursors are keysets, never offsets. */
    public record PageInfo(
            boolean hasNextPage,
            boolean hasPreviousPage,
            @Nullable String startCursor,
            @Nullable String endCursor) {}

    /** Builds the page from up to {@code first + 1} fetched edges: the extra one only says there is a next page. */
    public static <T> Connection<T> of(
            List<Edge<T>> fetched, int first, boolean hasPrevious, @Nullable Integer totalCount) {
        boolean hasNext = fetched.size() > first;
        List<Edge<T>> page = hasNext ? fetched.subList(0, first) : fetched;
        String start = page.isEmpty() ? null : page.getFirst().cursor();
        String end = page.isEmpty() ? null : page.getLast().cursor();
        return new Connection<>(page, new PageInfo(hasNext, hasPrevious, start, end), totalCount);
    }
}
