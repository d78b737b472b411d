# The claims engine as a process of its own. Build the jar first (./mvnw -B package -DskipTests), then, from the
# repository root:
#   docker build -f docker/claims-engine.Dockerfile -t claims-engine .
# Written and reviewed, not built here: the development and CI machines run no Docker engine (see README.md).
FROM eclipse-temurin:25-jre

# a system user without a login shell; the jar stays root-owned and read-only for it
RUN groupadd --system claims \
    && useradd --system --gid claims --home-dir /app --shell /usr/sbin/nologin claims

WORKDIR /app
COPY claims-engine/target/claims-engine.jar /app/claims-engine.jar

# the claims kernel uses the Vector API (an incubator module, in the JRE's boot layer)
ENV JDK_JAVA_OPTIONS="--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
# style.md 2.7: structured logs in containers
ENV LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs

USER claims

# No port and no HEALTHCHECK: the engine serves no HTTP (spring.main.web-application-type=none). It stops at start-up
# when PostgreSQL, the broker or the migrated schema is missing, so the container's exit status is its health.

# the Vector API (an incubator module) values claim lines in lanes; a manifest cannot add it
ENTRYPOINT ["java", "--add-modules", "jdk.incubator.vector", "-jar", "/app/claims-engine.jar"]
