# syntax=docker/dockerfile:1
# The gateway as a container: a local dev cluster (gateway, embedded placement, 6 agents 4+2)
# on 0.0.0.0:9000 with its data in the /data volume. Not built in CI (no Docker engine there).
#   docker build -t icn-gateway .
#   docker run --rm -p 9000:9000 -v icn-data:/data icn-gateway
# The keys and the admin token are printed at start (and kept in /data).

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
# Wrapper and poms first, so the dependency download is cached while the sources change.
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY erasure/pom.xml erasure/
COPY placement/pom.xml placement/
COPY scalernode-agent/pom.xml scalernode-agent/
COPY s3-gateway/pom.xml s3-gateway/
RUN ./mvnw -B -q -pl s3-gateway -am dependency:go-offline -DexcludeReactor=true || true
COPY erasure erasure
COPY placement placement
COPY scalernode-agent scalernode-agent
COPY s3-gateway s3-gateway
RUN ./mvnw -B -q -pl s3-gateway -am package -DskipTests \
 && cp s3-gateway/target/s3-gateway-*-all.jar /icn-gateway.jar

FROM eclipse-temurin:25-jre
# The Vector API is an incubator module; fail the image build if this runtime lacks it.
RUN java --add-modules=jdk.incubator.vector --list-modules | grep -q '^jdk.incubator.vector'
COPY --from=build /icn-gateway.jar /opt/icn-gateway/icn-gateway.jar
VOLUME /data
EXPOSE 9000
# Exec form: java is PID 1 and gets SIGTERM from `docker stop`; the gateway drains requests,
# closes the agents and RocksDB and exits 0. The grace (8 s) fits docker's default 10 s stop.
# Fewer glibc malloc arenas: RocksDB is called from many JVM threads (see s3-gateway/bin/icn-gateway).
ENV MALLOC_ARENA_MAX=2
ENTRYPOINT ["java", "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", \
            "-jar", "/opt/icn-gateway/icn-gateway.jar"]
CMD ["dev", "--listen-host", "0.0.0.0", "--port", "9000", "--data-dir", "/data", \
     "--shutdown-grace-seconds", "8"]
