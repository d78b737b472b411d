package org.healthclaims.engine.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.healthclaims.engine.kernel.LineValues;
import org.healthclaims.engine.kernel.RuleSet;

/**
 * What a claim's result records of the engine that produced it: the claims-engine build, the rule set and whether
 * the vector lanes or the scalar pass valued the lines, e.g. {@code 0.1.0-SNAPSHOT modular vector}.
 */
public final class EngineVersion {

    /** The build's version, from the jar's Maven metadata; {@code dev} when running from compiled classes. */
    public static final String BUILD = build();

    private EngineVersion() {}

    public static String of(RuleSet rules) {
        return BUILD + " " + rules.name().toLowerCase(java.util.Locale.ROOT) + " "
                + (LineValues.VECTORISED ? "vector" : "scalar");
    }

    private static String build() {
        try (InputStream in = EngineVersion.class.getResourceAsStream(
                "/META-INF/maven/org.healthclaims/claims-engine/pom.properties")) {
            if (in == null) return "dev";
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the claims engine's build metadata", e);
        }
    }
}
