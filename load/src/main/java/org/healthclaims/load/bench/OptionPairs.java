package org.healthclaims.load.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A command's {@code --name value} arguments, in order; each command says what its names mean. */
public final class OptionPairs {

    private OptionPairs() {}

    /** The pairs of {@code args}; fails on a name without a value. */
    public static Map<String, String> of(List<String> args) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (i + 1 >= args.size()) throw new IllegalArgumentException(name + " needs a value");
            pairs.put(name, args.get(i + 1));
        }
        return pairs;
    }
}
