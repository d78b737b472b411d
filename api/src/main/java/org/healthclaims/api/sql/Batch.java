package org.healthclaims.api.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The one way a {@code @BatchMapping} resolves a relation: collect the distinct keys of all parents, load them with
 * one {@code = any(:ids)} statement (or from a cache), and answer per parent.
 */
public final class Batch {

    private Batch() {}

    /**
     * Resolves a to-one relation for all parents with one statement.
     *
     * @param parents the parents DataLoader gathered
     * @param foreignKey the parent's foreign key, null when it has none
     * @param load one statement for all keys
     * @param key the primary key of a loaded row
     */
    public static <P, R> Map<P, R> toOne(
            List<P> parents,
            Function<P, @Nullable Long> foreignKey,
            Function<long[], List<R>> load,
            ToLongFunction<R> key) {
        LinkedHashSet<Long> distinct = new LinkedHashSet<>();
        for (P parent : parents) {
            Long id = foreignKey.apply(parent);
            if (id != null) distinct.add(id);
        }
        Map<Long, R> byId = new HashMap<>(distinct.size() * 2);
        if (!distinct.isEmpty()) {
            long[] ids = new long[distinct.size()];
            int i = 0;
            for (Long id : distinct) ids[i++] = id;
            for (R row : load.apply(ids)) byId.put(key.applyAsLong(row), row);
        }
        // keyed by identity: DataLoader asks with the very parent objects it gave, and a wide record's hashCode
        // would hash every column of every parent; parents without a row are left out and resolve to null
        Map<P, R> answer = new IdentityHashMap<>(parents.size() * 2);
        for (P parent : parents) {
            Long id = foreignKey.apply(parent);
            R row = id == null ? null : byId.get(id);
            if (row != null) answer.put(parent, row);
        }
        return answer;
    }

    /** Resolves a to-many relation: children loaded for all parents in one statement, grouped by parent key. */
    public static <P, C> List<List<C>> toMany(
            List<P> parents,
            ToLongFunction<P> parentKey,
            Function<long[], List<C>> load,
            ToLongFunction<C> childParentKey) {
        long[] ids = new long[parents.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = parentKey.applyAsLong(parents.get(i));
        Map<Long, List<C>> byParent = new HashMap<>(ids.length * 2);
        if (ids.length > 0)
            for (C child : load.apply(ids))
                byParent.computeIfAbsent(childParentKey.applyAsLong(child), k -> new ArrayList<>())
                        .add(child);
        List<List<C>> answer = new ArrayList<>(parents.size());
        for (long id : ids) answer.add(byParent.getOrDefault(id, List.of()));
        return answer;
    }
}
