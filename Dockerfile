# syntax=docker/dockerfile:1
# rdswatch agent image: `docker build -t rdswatch:0.1.0 .` from the repository root. The user, ports,
# entrypoint and health check match deploy/kubernetes/statefulset.yaml (a test keeps them in step).

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# poms first, so the dependency download is cached until a pom changes
COPY pom.xml ./
COPY simulator/pom.xml simulator/
COPY exporter/pom.xml exporter/
COPY core/pom.xml core/
COPY drills/pom.xml drills/
COPY aws/pom.xml aws/
COPY agent/pom.xml agent/
COPY bench/pom.xml bench/
RUN mvn -B -ntp -q -pl agent -am dependency:go-offline
COPY . .
RUN mvn -B -ntp -q -o -pl agent -am package -DskipTests -Djdeb.skip=true

FROM eclipse-temurin:17-jre
# a fixed numeric user, so Kubernetes' runAsNonRoot can check it without a passwd entry
RUN mkdir -p /opt/rdswatch /etc/rdswatch /var/lib/rdswatch \
 && chown 10001:10001 /var/lib/rdswatch \
 && chmod 0700 /var/lib/rdswatch
COPY --from=build /src/agent/target/rdswatch.jar /opt/rdswatch/rdswatch.jar
USER 10001:10001
WORKDIR /var/lib/rdswatch
# 9860: /metrics, /api, /-/healthy; 9861: Dropwizard's admin port (/healthcheck)
EXPOSE 9860 9861
VOLUME ["/var/lib/rdswatch"]
# no curl in the JRE image: bash's /dev/tcp asks /-/healthy on the application port
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9860 && printf 'GET /-/healthy HTTP/1.0\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-jar", "/opt/rdswatch/rdswatch.jar"]
CMD ["agent", "--config", "/etc/rdswatch/config.yml"]
