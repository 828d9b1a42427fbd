# syntax=docker/dockerfile:1
#
# convoso-warehouse image: built for Java 17, run on a current JRE with an AOT cache.
# A CronJob pays the JVM start-up on every run, so the image is where start-up is won
# (measurements: k8s/README.md, "Start-up and memory").
#
#   docker build -t registry.example.com/convoso-warehouse:0.1.0 .
#   docker run --rm registry.example.com/convoso-warehouse:0.1.0 --help

# ---- build: the Maven wrapper on JDK 17, the release the code targets ------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# .dockerignore lets only the build inputs in (no target/, .git, k8s/, tests).
COPY . .
# The tests need PostgreSQL and run in CI, not here; maven.test.skip also skips compiling them.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q package -Dmaven.test.skip=true \
 && java -Djarmode=tools -jar target/convoso-warehouse.jar extract --layers --destination /extracted
# Without --launcher, 'extract' writes a plain jar whose manifest Class-Path names lib/*.jar and
# whose Main-Class is the application's own main (no Spring Boot launcher, no nested jars): the JVM
# loads every class from ordinary jar files, which is what the AOT cache needs to be usable.

# ---- runtime: a current JRE, the AOT cache made by a training run at image build ------------------
FROM eclipse-temurin:25-jre AS runtime
WORKDIR /app
# The job's user has no passwd entry, so the JVM takes user.home from HOME: point it at the
# writable emptyDir the pod mounts on /tmp (the root filesystem is read-only).
ENV HOME=/tmp
# One COPY per layer, least changing first, so a code change re-ships only the last small layer.
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./

# JVM flags for a short-lived job in a container, the same at training and at run time:
#   UseSerialGC             one small heap, one short run: no GC threads to start; also fixes the GC
#                           so the cache never meets a different one (the JVM would pick G1 or Serial
#                           depending on the CPUs and memory it sees)
#   TieredStopAtLevel=1     C1 only: a 2-second run never pays back C2's compile time
#   MaxRAMPercentage=75     heap sized from the container's memory limit, room left for metaspace,
#                           code cache, threads and the AOT cache mapping
#   ExitOnOutOfMemoryError  die at once with a failed Job instead of limping on
#   spring.aot.enabled      the context from the code Spring AOT generated at build time (no scanning,
#                           no condition evaluation); Flyway's switch still works (WarehouseApplication)
ARG JAVA_FLAGS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Dspring.aot.enabled=true"

# The training run: one real, successful 'poll' of 1,000 agents (src/main/docker/aot-training.sh:
# a throw-away PostgreSQL from the distribution's packages, the built-in simulator, 'migrate', then
# the poll recorded into the cache), so the cache holds every class a real cycle loads, up to the
# derivation and the exit. The benchmark runs the same script. PostgreSQL is removed in the same
# RUN, so the layer keeps the cache and not the database server.
RUN --mount=type=bind,from=build,source=/src/src/main/docker/aot-training.sh,target=/tmp/aot-training.sh \
    apt-get update \
 && apt-get install -y --no-install-recommends postgresql \
 && JAVA_FLAGS="$JAVA_FLAGS" sh /tmp/aot-training.sh /app \
 && apt-get purge -y --auto-remove postgresql postgresql-common \
 && rm -rf /var/lib/apt/lists/* /var/lib/postgresql /var/log/postgresql

# A numeric, non-root user and group that own nothing in the image (the files stay root's, read-only);
# numeric so that Kubernetes can check runAsNonRoot. The pod's securityContext uses the same ids.
USER 10001:10001
# Exec form: java is PID 1 and receives SIGTERM itself. The flags are spelled out (exec form does
# not expand variables); keep them equal to JAVA_FLAGS above (KubernetesManifestsTest checks).
# Extra flags for one run go in JDK_JAVA_OPTIONS (read by the java launcher), e.g. -Xlog:aot to
# see whether the cache is used. The command is the CMD: `docker run IMAGE migrate`.
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:MaxRAMPercentage=75", \
            "-XX:+ExitOnOutOfMemoryError", "-Dspring.aot.enabled=true", "-XX:AOTCache=convoso-warehouse.aot", \
            "-jar", "convoso-warehouse.jar"]
CMD ["poll"]
