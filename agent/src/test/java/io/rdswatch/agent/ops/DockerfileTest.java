package io.rdswatch.agent.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The image the Dockerfile builds runs the way deploy/kubernetes/statefulset.yaml expects. */
class DockerfileTest {

  private final Dockerfile docker = Dockerfile.read();
  private final StatefulSet set = KubeManifests.statefulSet();
  private final Container container = KubeManifests.container(set);

  @Test
  void buildsWithMavenThenRunsOnAJreOnly() {
    List<String> from = docker.all("FROM");

    assertThat(from).hasSize(2);
    assertThat(from.get(0)).startsWith("maven:").contains("temurin-17").endsWith(" AS build");
    assertThat(from.get(1)).isEqualTo("eclipse-temurin:17-jre");
    assertThat(docker.all("RUN"))
        .anyMatch(r -> r.contains("mvn ") && r.contains("-pl agent -am package"));
    assertThat(docker.all("COPY")).contains("--from=build /src/agent/target/rdswatch.jar " + jar());
  }

  @Test
  void theUserIsTheNumericNonRootUserOfThePod() {
    PodSecurityContext pod = set.getSpec().getTemplate().getSpec().getSecurityContext();

    assertThat(docker.last("USER")).isEqualTo(pod.getRunAsUser() + ":" + pod.getRunAsGroup());
    assertThat(pod.getRunAsUser()).isNotZero();
    // the state directory the image creates belongs to that user, for `docker run` without a volume
    assertThat(docker.all("RUN"))
        .anyMatch(
            r ->
                r.contains(
                    "chown "
                        + pod.getRunAsUser()
                        + ":"
                        + pod.getRunAsGroup()
                        + " "
                        + KubernetesManifestsTest.mount(container, "state").getMountPath()));
    assertThat(docker.last("VOLUME"))
        .contains("\"" + KubernetesManifestsTest.mount(container, "state").getMountPath() + "\"");
  }

  @Test
  void exposesExactlyTheContainerPorts() {
    List<Integer> exposed =
        Arrays.stream(docker.last("EXPOSE").split("\\s+")).map(Integer::valueOf).toList();

    assertThat(exposed)
        .containsExactlyInAnyOrderElementsOf(
            container.getPorts().stream().map(ContainerPort::getContainerPort).toList());
  }

  @Test
  void thePodRunsTheImagesEntrypointWithItsOwnArgumentsAfterTheImagesCommand() {
    List<String> entrypoint = Dockerfile.execForm(docker.last("ENTRYPOINT"));
    List<String> cmd = Dockerfile.execForm(docker.last("CMD"));

    assertThat(entrypoint).containsExactly("java", "-jar", jar());
    assertThat(container.getCommand()).as("the pod keeps the image's ENTRYPOINT").isNullOrEmpty();
    // the pod's args are the image's default command plus the shard
    assertThat(container.getArgs()).startsWith(cmd.toArray(String[]::new));
    assertThat(container.getArgs().subList(cmd.size(), container.getArgs().size()))
        .containsExactly("--shard", "$(SHARD_INDEX)/$(SHARD_COUNT)");
  }

  @Test
  void theHealthCheckAsksTheProbesPathOnTheProbesPort() {
    String check = docker.last("HEALTHCHECK");
    String path = container.getLivenessProbe().getHttpGet().getPath();
    int port =
        KubeManifests.containerPort(container, container.getLivenessProbe().getHttpGet().getPort());

    assertThat(check)
        .contains("CMD [")
        .contains("/dev/tcp/127.0.0.1/" + port)
        .contains("GET " + path + " HTTP/1.0");
    Dockerfile.execForm(check.substring(check.indexOf("CMD [") + 4));
  }

  private static String jar() {
    return "/opt/rdswatch/rdswatch.jar";
  }
}
