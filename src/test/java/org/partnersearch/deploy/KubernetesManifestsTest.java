package org.partnersearch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.partnersearch.config.ServiceConfig;

/**
 * The Kubernetes manifests in {@code deploy/k8s/}: each one is read strictly into the typed model
 * of its kind (fabric8's, generated from Kubernetes' own API definitions), so a misspelled field or
 * a value of the wrong type fails here and not on {@code kubectl apply}. Then the parts are checked
 * to fit together: probes, ports, labels, the shared volume, the options they set.
 */
class KubernetesManifestsTest {
  private static final Path MANIFESTS = Path.of("deploy", "k8s");

  /** The kinds deploy/k8s may hold, by apiVersion and kind. */
  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of(
          "apps/v1 Deployment", Deployment.class,
          "batch/v1 CronJob", CronJob.class,
          "v1 Service", Service.class,
          "v1 PersistentVolumeClaim", PersistentVolumeClaim.class);

  /**
   * fabric8's model classes keep unknown fields in an "additional properties" map, as the API
   * server's lenient decoding would; with that map switched off, an unknown field is an error.
   */
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .annotationIntrospector(
              new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated a) {
                  return Boolean.FALSE;
                }
              })
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(
              MapperFeature.ALLOW_COERCION_OF_SCALARS) // "2" is not a number, 2 is not a string
          .build();

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Reads one manifest file strictly into its typed object; the exception says what is wrong. */
  static HasMetadata read(String yaml) throws IOException {
    JsonNode tree = YAML.readTree(yaml);
    String key = tree.path("apiVersion").asText() + " " + tree.path("kind").asText();
    Class<? extends HasMetadata> type = KINDS.get(key);
    if (type == null) {
      throw new IOException("not a kind deploy/k8s may hold: " + key);
    }
    return STRICT.treeToValue(tree, type);
  }

  private static List<Path> manifests() throws IOException {
    try (Stream<Path> files = Files.list(MANIFESTS)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static <T extends HasMetadata> T the(Class<T> type) throws IOException {
    List<T> found = new ArrayList<>();
    for (Path file : manifests()) {
      HasMetadata m = read(Files.readString(file));
      if (type.isInstance(m)) {
        found.add(type.cast(m));
      }
    }
    assertEquals(1, found.size(), "one " + type.getSimpleName() + " in " + MANIFESTS);
    return found.get(0);
  }

  @Test
  void everyManifestIsAValidObjectOfItsKind() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : manifests()) {
      try {
        read(Files.readString(file));
      } catch (IOException e) {
        problems.add(file + ": " + e.getMessage());
      }
    }
    assertEquals(List.of(), problems);
    assertEquals(
        4, manifests().size(), "a Deployment, a CronJob, a Service and the shared volume's claim");
  }

  @Test
  void aMisspelledFieldOrAValueOfTheWrongTypeIsRejected() throws IOException {
    String deployment = Files.readString(MANIFESTS.resolve("deployment.yaml"));
    read(deployment);
    for (String[] change :
        List.of(
            new String[] {"readinessProbe:", "readinesProbe:"},
            new String[] {"replicas: 2", "replicas: two"},
            new String[] {"replicas: 2", "replicas: \"2\""},
            new String[] {"containerPort: 7070", "containerPort: [7070]"},
            new String[] {
              "terminationGracePeriodSeconds: 15", "terminationGracePeriodSeconds: soon"
            },
            new String[] {"kind: Deployment", "kind: Deploymnet"})) {
      assertTrue(deployment.contains(change[0]), change[0]);
      String broken = deployment.replace(change[0], change[1]);
      boolean rejected;
      try {
        read(broken);
        rejected = false;
      } catch (IOException e) {
        rejected = true;
      }
      assertTrue(rejected, change[1] + " must be rejected");
    }
  }

  @Test
  void theReplicasProbeReadyzAndLivezAndReadTheSharedVolumeWithoutBuilding() throws IOException {
    Deployment deployment = the(Deployment.class);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    Container server = pod.getContainers().get(0);
    assertEquals("/readyz", server.getReadinessProbe().getHttpGet().getPath());
    assertEquals("/livez", server.getLivenessProbe().getHttpGet().getPath());
    List<String> portNames = server.getPorts().stream().map(ContainerPort::getName).toList();
    assertTrue(portNames.contains(server.getReadinessProbe().getHttpGet().getPort().getStrVal()));
    assertTrue(portNames.contains(server.getLivenessProbe().getHttpGet().getPort().getStrVal()));
    assertEquals(
        Optional.of("true"),
        env(server, "PARTNER_SEARCH_REPLICA"),
        "replicas never build or prune");
    assertTrue(deployment.getSpec().getReplicas() >= 2);
    assertTrue(
        pod.getTerminationGracePeriodSeconds()
            > ServiceConfig.DEFAULT_DRAIN_SECONDS + ServiceConfig.DEFAULT_SHUTDOWN_SECONDS,
        "Kubernetes waits longer than the service takes to drain and finish requests in flight");
    assertMountsTheSharedVolume(pod, server);
    assertEquals(
        deployment.getSpec().getSelector().getMatchLabels(),
        deployment.getSpec().getTemplate().getMetadata().getLabels());
  }

  @Test
  void theIndexerPublishesIntoTheSameVolumeOneRunAtATime() throws IOException {
    CronJob indexer = the(CronJob.class);
    assertEquals("Forbid", indexer.getSpec().getConcurrencyPolicy());
    PodSpec pod = indexer.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    Container index = pod.getContainers().get(0);
    assertEquals(
        "index",
        index.getCommand().get(index.getCommand().size() - 1),
        "the index command, not serve");
    assertMountsTheSharedVolume(pod, index);
    assertEquals(
        List.of("ReadWriteMany"),
        the(PersistentVolumeClaim.class).getSpec().getAccessModes(),
        "many pods on many nodes mount it at once");
  }

  @Test
  void theServiceSendsTrafficToTheReplicasPort() throws IOException {
    Service service = the(Service.class);
    Deployment deployment = the(Deployment.class);
    Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
    service
        .getSpec()
        .getSelector()
        .forEach((k, v) -> assertEquals(v, podLabels.get(k), "selector " + k));
    String target = service.getSpec().getPorts().get(0).getTargetPort().getStrVal();
    assertTrue(
        deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().stream()
            .anyMatch(p -> p.getName().equals(target)),
        target);
  }

  @Test
  void everyOptionTheManifestsSetIsInTheReadmesConfigurationTable() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    List<String> unknown = new ArrayList<>();
    for (Container c :
        List.of(
            the(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0),
            the(CronJob.class)
                .getSpec()
                .getJobTemplate()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0))) {
      for (EnvVar e : c.getEnv()) {
        if (!readme.contains("`" + e.getName() + "`")) {
          unknown.add(e.getName());
        }
      }
    }
    assertEquals(List.of(), unknown);
  }

  /**
   * The pod mounts the claim of deploy/k8s at the folder the container's PARTNER_SEARCH_INDEX
   * names.
   */
  private static void assertMountsTheSharedVolume(PodSpec pod, Container container)
      throws IOException {
    String claim = the(PersistentVolumeClaim.class).getMetadata().getName();
    Volume volume =
        pod.getVolumes().stream()
            .filter(
                v ->
                    v.getPersistentVolumeClaim() != null
                        && claim.equals(v.getPersistentVolumeClaim().getClaimName()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no volume of claim " + claim));
    String mountPath =
        container.getVolumeMounts().stream()
            .filter(m -> m.getName().equals(volume.getName()))
            .findFirst()
            .orElseThrow()
            .getMountPath();
    assertEquals(Optional.of(mountPath), env(container, "PARTNER_SEARCH_INDEX"));
    assertFalse(
        container.getVolumeMounts().get(0).getReadOnly() != null
            && container.getVolumeMounts().get(0).getReadOnly(),
        "writable: the indexer publishes, replicas keep analytics");
  }

  private static Optional<String> env(Container c, String name) {
    return c.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .map(EnvVar::getValue)
        .findFirst();
  }
}
