package io.rdswatch.agent.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * deploy/kubernetes read with the fabric8 Kubernetes model. A field the model does not know lands
 * in an object's additionalProperties instead of failing, so {@link #parse} walks every object and
 * rejects any such field: a typo'd key would otherwise be silently dropped by the API server.
 */
final class KubeManifests {

  static final Path DIR = OpsFiles.ROOT.resolve("deploy/kubernetes");
  static final String CONTAINER = "rdswatch";
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private KubeManifests() {}

  static <T extends HasMetadata> T parse(String file, Class<T> type) {
    Object parsed = SERIALIZATION.unmarshal(OpsFiles.read(DIR.resolve(file)));
    assertThat(parsed).as(file).isInstanceOf(type);
    assertThat(unknownFields(parsed, file))
        .as("fields the Kubernetes model does not know, in " + file)
        .isEmpty();
    return type.cast(parsed);
  }

  /**
   * The paths of every field of the manifest text that its Kubernetes model has no property for.
   */
  static List<String> unknownFields(String text, String name) {
    Object parsed = SERIALIZATION.unmarshal(text);
    return unknownFields(parsed, name);
  }

  private static List<String> unknownFields(Object parsed, String name) {
    List<String> unknown = new ArrayList<>();
    walk(parsed, name, unknown, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    return unknown;
  }

  static StatefulSet statefulSet() {
    return parse("statefulset.yaml", StatefulSet.class);
  }

  static Container container(StatefulSet set) {
    return set.getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(c -> c.getName().equals(CONTAINER))
        .findFirst()
        .orElseThrow();
  }

  static String configYaml() {
    return parse("configmap.yaml", ConfigMap.class).getData().get("config.yml");
  }

  static int containerPort(Container c, IntOrString port) {
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    return c.getPorts().stream()
        .filter(p -> port.getStrVal().equals(p.getName()))
        .map(ContainerPort::getContainerPort)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()));
  }

  static String env(Container c, String name) {
    return c.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .map(EnvVar::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no env " + name));
  }

  private static void walk(Object node, String at, List<String> unknown, Set<Object> seen) {
    if (node == null || !seen.add(node)) {
      return;
    }
    if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        walk(list.get(i), at + "[" + i + "]", unknown, seen);
      }
      return;
    }
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(v, at + "." + k, unknown, seen));
      return;
    }
    if (!(node instanceof KubernetesResource)) {
      return;
    }
    for (Method m : node.getClass().getMethods()) {
      if (m.getParameterCount() != 0
          || Modifier.isStatic(m.getModifiers())
          || !m.getName().startsWith("get")
          || m.getDeclaringClass() == Object.class) {
        continue;
      }
      Object value = invoke(m, node);
      if (m.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra) {
          extra.keySet().forEach(k -> unknown.add(at + "." + k));
        }
      } else {
        walk(value, at + "." + field(m), unknown, seen);
      }
    }
  }

  private static Object invoke(Method m, Object target) {
    try {
      return m.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new AssertionError("cannot read " + m, e);
    }
  }

  private static String field(Method m) {
    String n = m.getName().substring(3);
    return n.isEmpty() ? n : Character.toLowerCase(n.charAt(0)) + n.substring(1);
  }
}
