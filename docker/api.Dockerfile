# The GraphQL api. Build the jar first (./mvnw -B package -DskipTests), then, from the repository root:
#   docker build -f docker/api.Dockerfile -t claims-api .
# Written and reviewed, not built here: the development and CI machines run no Docker engine (see README.md).
FROM eclipse-temurin:25-jre

# a system user without a login shell; the jar stays root-owned and read-only for it
RUN groupadd --system claims \
    && useradd --system --gid claims --home-dir /app --shell /usr/sbin/nologin claims

WORKDIR /app
COPY api/target/claims-api.jar /app/claims-api.jar

# the claims kernel uses the Vector API (an incubator module, in the JRE's boot layer) and async-profiler's native code
ENV JDK_JAVA_OPTIONS="--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
# style.md 2.7: structured logs in containers
ENV LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs

USER claims
EXPOSE 8080

# The image has neither curl nor wget (the base image removes wget after installing Java), so the check speaks HTTP
# through bash's /dev/tcp to http://localhost:8080/actuator/health and passes on a 200 status line (503 = DOWN).
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q '^HTTP/1\\.[01] 200'"]

# the Vector API (an incubator module) values claim lines in lanes; a manifest cannot add it
ENTRYPOINT ["java", "--add-modules", "jdk.incubator.vector", "-jar", "/app/claims-api.jar"]
