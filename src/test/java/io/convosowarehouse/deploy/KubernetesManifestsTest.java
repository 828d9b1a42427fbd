package io.convosowarehouse.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes manifests (k8s/) and the Dockerfile keep the properties the deployment relies on:
 * the CronJob's timing policies, the restricted Pod Security Standard, resources on every container,
 * no real-looking secret in the repository, egress to DNS, PostgreSQL and the API only.
 * No cluster and no kubectl needed; when kubectl is on the PATH the overlay is also rendered and checked.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final Set<Integer> ALLOWED_EGRESS_PORTS = Set.of(53, 5432, 443);
    private static final Pattern PLACEHOLDER = Pattern.compile("(REPLACE_ME[A-Z0-9_]*)?");

    /** Every YAML document under k8s/, with the file it came from. */
    private static List<Manifest> manifests;

    record Manifest(Path file, Map<String, Object> doc) {

        String kind() {
            return (String) doc.get("kind");
        }

        String name() {
            return (String) map(doc, "metadata").get("name");
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + file + ")";
        }
    }

    @BeforeAll
    static void readManifests() throws IOException {
        assertThat(K8S).as("run from the repository root").isDirectory();
        manifests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(KubernetesManifestsTest::isYaml).sorted().toList()) {
                manifests.addAll(parse(file));
            }
        }
    }

    @Test
    void everyYamlFileHoldsKubernetesObjects() {
        assertThat(manifests).isNotEmpty();
        for (Manifest manifest : manifests) {
            assertThat(manifest.doc()).as(manifest.file().toString()).containsKeys("apiVersion", "kind");
            if (!manifest.kind().equals("Kustomization")) {
                assertThat(manifest.name()).as("metadata.name in " + manifest.file()).isNotBlank();
            }
        }
    }

    @Test
    void kustomizationsListOnlyFilesThatExistAndEveryManifestIsListed() throws IOException {
        List<Manifest> kustomizations = ofKind("Kustomization");
        assertThat(kustomizations).extracting(m -> m.file().toString().replace('\\', '/'))
                .contains("k8s/base/kustomization.yaml", "k8s/overlays/example/kustomization.yaml");
        for (Manifest kustomization : kustomizations) {
            Path dir = kustomization.file().getParent();
            Set<Path> listed = new LinkedHashSet<>();
            for (Object resource : list(kustomization.doc(), "resources")) {
                Path target = dir.resolve((String) resource).normalize();
                assertThat(target).as("resource " + resource + " of " + kustomization.file()).exists();
                if (Files.isDirectory(target)) {
                    assertThat(target.resolve("kustomization.yaml")).as("kustomization in " + target).isRegularFile();
                }
                listed.add(target);
            }
            for (Object patch : list(kustomization.doc(), "patches")) {
                Object path = ((Map<?, ?>) patch).get("path");
                if (path != null) {
                    Path target = dir.resolve((String) path).normalize();
                    assertThat(target).as("patch " + path + " of " + kustomization.file()).isRegularFile();
                    listed.add(target);
                }
            }
            for (Object merge : list(kustomization.doc(), "patchesStrategicMerge")) {
                Path target = dir.resolve((String) merge).normalize();
                assertThat(target).as("patch " + merge + " of " + kustomization.file()).isRegularFile();
                listed.add(target);
            }
            // a manifest nobody lists is never applied; templates are meant to be copied, not applied
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> orphans = files.filter(KubernetesManifestsTest::isYaml)
                        .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                        .filter(f -> !f.getFileName().toString().contains(".template."))
                        .map(Path::normalize)
                        .filter(f -> !listed.contains(f))
                        .toList();
                assertThat(orphans).as("YAML files " + kustomization.file() + " does not list").isEmpty();
            }
        }
    }

    @Test
    void theBaseDoesNotApplyTheSecretTemplate() {
        Manifest base = ofKind("Kustomization").stream()
                .filter(m -> m.file().normalize().equals(K8S.resolve("base/kustomization.yaml")))
                .findFirst().orElseThrow();
        assertThat(list(base.doc(), "resources")).noneMatch(r -> r.toString().contains("secret"));
        assertThat(ofKind("Secret")).as("a Secret template exists").isNotEmpty();
    }

    @Test
    void theCronJobPollsEveryMinuteWithoutOverlapOrPileUp() {
        List<Manifest> cronJobs = ofKind("CronJob");
        assertThat(cronJobs).isNotEmpty();
        for (Manifest cronJob : cronJobs) {
            checkCronJob(cronJob.toString(), cronJob.doc());
        }
    }

    @Test
    void pollsNeverMigrateAndTheMigrateJobDoes() {
        for (Manifest cronJob : ofKind("CronJob")) {
            for (Map<String, Object> container : containers(podSpec(cronJob.doc()))) {
                assertThat(list(container, "args")).as(cronJob + " command").containsExactly("poll");
                assertThat(env(container)).as(cronJob + " env").containsEntry("SPRING_FLYWAY_ENABLED", "false");
            }
        }
        List<Manifest> jobs = ofKind("Job");
        assertThat(jobs).extracting(Manifest::name).contains("convoso-warehouse-migrate");
        for (Manifest job : jobs) {
            Map<String, Object> spec = map(job.doc(), "spec");
            assertThat(number(spec, "backoffLimit")).as(job + " backoffLimit").isLessThanOrEqualTo(1);
            assertThat(spec).as(job.toString()).containsKeys("activeDeadlineSeconds", "ttlSecondsAfterFinished");
            assertThat(map(spec, "template", "spec")).containsEntry("restartPolicy", "Never");
            assertThat(containers(podSpec(job.doc()))).flatExtracting(c -> list(c, "args")).containsExactly("migrate");
        }
    }

    @Test
    void everyPodMeetsTheRestrictedPodSecurityStandardAndHasResources() {
        List<Manifest> workloads = workloads(manifests);
        assertThat(workloads).hasSizeGreaterThanOrEqualTo(2);
        long imageUser = dockerfileUser()[0];
        for (Manifest workload : workloads) {
            checkPod(workload.toString(), podSpec(workload.doc()), imageUser);
        }
    }

    @Test
    void theServiceAccountMountsNoToken() {
        List<Manifest> accounts = ofKind("ServiceAccount");
        assertThat(accounts).isNotEmpty();
        for (Manifest account : accounts) {
            assertThat(account.doc()).as(account.toString()).containsEntry("automountServiceAccountToken", false);
        }
    }

    @Test
    void secretsInTheRepositoryHoldPlaceholdersOnly() {
        for (Manifest secret : ofKind("Secret")) {
            Map<String, Object> stringData = optionalMap(secret.doc(), "stringData");
            stringData.forEach((key, value) -> assertThat(String.valueOf(value == null ? "" : value))
                    .as(secret + " stringData." + key).matches(PLACEHOLDER));
            Map<String, Object> data = optionalMap(secret.doc(), "data");
            data.forEach((key, value) -> assertThat(new String(Base64.getDecoder().decode(value == null ? "" : value.toString()),
                    StandardCharsets.UTF_8)).as(secret + " data." + key).matches(PLACEHOLDER));
        }
        // and no secret slipped into the settings
        for (Manifest configMap : ofKind("ConfigMap")) {
            assertThat(optionalMap(configMap.doc(), "data").keySet()).as(configMap.toString())
                    .noneMatch(key -> key.matches("(?i).*(TOKEN|PASSWORD|SECRET).*"));
        }
    }

    @Test
    void networkPoliciesAllowEgressOnlyToDnsPostgresqlAndTheApi() {
        List<Manifest> policies = ofKind("NetworkPolicy");
        assertThat(policies).isNotEmpty();
        for (Manifest policy : policies) {
            checkNetworkPolicy(policy.toString(), map(policy.doc(), "spec"), policy.file().toString().contains("base"));
        }
    }

    @Test
    void theImageRunsAsTheNumericNonRootUserThePodsUse() {
        long[] user = dockerfileUser();
        assertThat(user[0]).as("USER uid in the final stage").isPositive();
        for (Manifest workload : workloads(manifests)) {
            Map<String, Object> security = map(podSpec(workload.doc()), "securityContext");
            assertThat(number(security, "runAsUser")).as(workload + " runAsUser").isEqualTo(user[0]);
            assertThat(number(security, "runAsGroup")).as(workload + " runAsGroup").isEqualTo(user[1]);
        }
    }

    @Test
    void theAotTrainingRunUsesTheFlagsTheEntrypointRunsWith() {
        List<String> instructions = dockerInstructions();
        String entrypoint = instructions.stream().filter(i -> i.startsWith("ENTRYPOINT ")).reduce((a, b) -> b).orElseThrow();
        String flagsArg = instructions.stream().filter(i -> i.startsWith("ARG JAVA_FLAGS=")).findFirst().orElseThrow();
        Set<String> entrypointFlags = flags(entrypoint);
        entrypointFlags.removeIf(flag -> flag.startsWith("-XX:AOTCache="));
        assertThat(flags(flagsArg)).as("JAVA_FLAGS of the training run vs ENTRYPOINT").isEqualTo(entrypointFlags);
        assertThat(entrypoint).contains("-XX:AOTCache=", "-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError");
        assertThat(instructions).anyMatch(i -> i.startsWith("RUN ") && i.contains("aot-training.sh") && i.contains("$JAVA_FLAGS"));
        assertThat(read(Path.of("src", "main", "docker", "aot-training.sh"))).contains("$flags -XX:AOTCacheOutput=");
        assertThat(instructions).contains("CMD [\"poll\"]");
    }

    /** The example overlay as kustomize renders it keeps every property above (skipped without kubectl). */
    @Test
    void theRenderedOverlayKeepsThePolicies() throws Exception {
        Path kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst().orElse(null);
        assumeTrue(kubectl != null, "kubectl is not on the PATH");
        Process process = new ProcessBuilder(kubectl.toString(), "kustomize", K8S.resolve("overlays/example").toString())
                .redirectErrorStream(true)
                .start();
        String rendered;
        try (InputStream in = process.getInputStream()) {
            rendered = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(rendered).isZero();

        List<Manifest> objects = new ArrayList<>();
        for (Object doc : yaml().loadAll(rendered)) {
            objects.add(new Manifest(Path.of("rendered overlay"), castMap(doc)));
        }
        assertThat(objects).extracting(Manifest::kind)
                .contains("Namespace", "ServiceAccount", "ConfigMap", "NetworkPolicy", "Job", "CronJob")
                .doesNotContain("Secret");
        Manifest namespace = objects.stream().filter(m -> m.kind().equals("Namespace")).findFirst().orElseThrow();
        assertThat(map(namespace.doc(), "metadata", "labels"))
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        long imageUser = dockerfileUser()[0];
        for (Manifest object : objects) {
            if (!object.kind().equals("Namespace")) {
                assertThat(map(object.doc(), "metadata")).as(object.toString()).containsEntry("namespace", namespace.name());
                assertThat(map(object.doc(), "metadata", "labels")).as(object.toString())
                        .containsEntry("app.kubernetes.io/name", "convoso-warehouse");
            }
            switch (object.kind()) {
                case "CronJob" -> checkCronJob(object.toString(), object.doc());
                case "NetworkPolicy" -> checkNetworkPolicy(object.toString(), map(object.doc(), "spec"), true);
                default -> { }
            }
        }
        for (Manifest workload : workloads(objects)) {
            Map<String, Object> pod = podSpec(workload.doc());
            checkPod(workload.toString(), pod, imageUser);
            assertThat(map(podTemplate(workload.doc()), "metadata", "labels"))
                    .as(workload + " pod labels (the NetworkPolicy selects them)")
                    .containsEntry("app.kubernetes.io/name", "convoso-warehouse");
            for (Map<String, Object> container : containers(pod)) {
                assertThat((String) container.get("image")).as(workload + " image").contains("/").contains(":");
            }
        }
    }

    // ---- the checks, shared by the source files and the rendered overlay ---------------------------

    private static void checkCronJob(String what, Map<String, Object> cronJob) {
        Map<String, Object> spec = map(cronJob, "spec");
        assertThat(spec).as(what).containsEntry("schedule", "* * * * *")
                .containsEntry("timeZone", "Etc/UTC")
                .containsEntry("concurrencyPolicy", "Forbid")
                .containsKeys("startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit");
        assertThat(number(spec, "startingDeadlineSeconds")).as(what + " startingDeadlineSeconds").isBetween(1L, 59L);
        Map<String, Object> jobSpec = map(spec, "jobTemplate", "spec");
        assertThat(number(jobSpec, "backoffLimit")).as(what + " backoffLimit").isBetween(0L, 1L);
        assertThat(number(jobSpec, "activeDeadlineSeconds")).as(what + " activeDeadlineSeconds").isBetween(1L, 59L);
        assertThat(number(jobSpec, "ttlSecondsAfterFinished")).as(what + " ttlSecondsAfterFinished").isPositive();
        Map<String, Object> pod = map(jobSpec, "template", "spec");
        assertThat(pod).as(what).containsEntry("restartPolicy", "Never").containsKey("terminationGracePeriodSeconds");
        assertThat(number(pod, "terminationGracePeriodSeconds")).as(what + " grace").isBetween(1L, 30L);
    }

    private static void checkPod(String what, Map<String, Object> pod, long imageUser) {
        assertThat(pod).as(what).containsEntry("automountServiceAccountToken", false).containsKey("serviceAccountName");
        Map<String, Object> security = map(pod, "securityContext");
        assertThat(security).as(what + " pod securityContext").containsEntry("runAsNonRoot", true);
        assertThat(number(security, "runAsUser")).as(what + " runAsUser").isPositive().isEqualTo(imageUser);
        assertThat(number(security, "runAsGroup")).as(what + " runAsGroup").isPositive();
        assertThat(map(security, "seccompProfile")).as(what + " seccompProfile").containsEntry("type", "RuntimeDefault");
        assertThat(pod).as(what).doesNotContainKeys("hostNetwork", "hostPID", "hostIPC");

        List<Map<String, Object>> containers = containers(pod);
        assertThat(containers).as(what + " containers").isNotEmpty();
        Set<String> writableMounts = new LinkedHashSet<>();
        for (Map<String, Object> container : containers) {
            String where = what + " container " + container.get("name");
            Map<String, Object> resources = map(container, "resources");
            for (String bound : List.of("requests", "limits")) {
                assertThat(map(resources, bound)).as(where + " resources." + bound).containsKeys("cpu", "memory");
            }
            assertThat(map(resources, "requests").get("memory")).as(where + " memory request = limit (no overcommit)")
                    .isEqualTo(map(resources, "limits").get("memory"));
            Map<String, Object> containerSecurity = map(container, "securityContext");
            assertThat(containerSecurity).as(where + " securityContext")
                    .containsEntry("allowPrivilegeEscalation", false)
                    .containsEntry("readOnlyRootFilesystem", true)
                    .doesNotContainEntry("privileged", true)
                    .doesNotContainEntry("runAsNonRoot", false);
            assertThat(list(map(containerSecurity, "capabilities"), "drop")).as(where + " capabilities.drop").containsExactly("ALL");
            assertThat(optionalMap(containerSecurity, "capabilities")).as(where).doesNotContainKey("add");
            if (containerSecurity.containsKey("seccompProfile")) {
                assertThat(map(containerSecurity, "seccompProfile")).containsEntry("type", "RuntimeDefault");
            }
            assertThat(env(container).keySet()).as(where + " env (secrets come from files)")
                    .noneMatch(key -> key.matches("(?i).*(TOKEN|PASSWORD|SECRET).*"));
            for (Object mount : list(container, "volumeMounts")) {
                Map<?, ?> volumeMount = (Map<?, ?>) mount;
                if (!Boolean.TRUE.equals(volumeMount.get("readOnly"))) {
                    writableMounts.add((String) volumeMount.get("name"));
                }
                if ("/tmp".equals(volumeMount.get("mountPath"))) {
                    writableMounts.add("/tmp:" + volumeMount.get("name"));
                }
            }
        }
        // the read-only root filesystem needs a writable /tmp, and only emptyDir volumes are writable
        assertThat(writableMounts).as(what + " /tmp mount").anyMatch(m -> m.startsWith("/tmp:"));
        Map<String, Map<String, Object>> volumes = list(pod, "volumes").stream().map(KubernetesManifestsTest::castMap)
                .collect(Collectors.toMap(v -> (String) v.get("name"), v -> v));
        for (String mount : writableMounts) {
            String name = mount.startsWith("/tmp:") ? mount.substring(5) : mount;
            assertThat(volumes.get(name)).as(what + " writable volume " + name).isNotNull().containsKey("emptyDir");
        }
        assertThat(volumes.values()).as(what + " volumes").noneMatch(v -> v.containsKey("hostPath"));
    }

    private static void checkNetworkPolicy(String what, Map<String, Object> spec, boolean complete) {
        if (complete) {
            assertThat(list(spec, "policyTypes")).as(what + " policyTypes").contains("Egress");
            assertThat(list(spec, "ingress")).as(what + " ingress rules").isEmpty();
            assertThat(map(spec, "podSelector", "matchLabels")).as(what)
                    .containsEntry("app.kubernetes.io/name", "convoso-warehouse");
        }
        List<Object> egress = list(spec, "egress");
        assertThat(egress).as(what + " egress").isNotEmpty();
        Set<Integer> ports = new LinkedHashSet<>();
        for (Object ruleObject : egress) {
            Map<String, Object> rule = castMap(ruleObject);
            // a rule without ports allows every port, a rule without "to" every destination
            assertThat(list(rule, "ports")).as(what + " egress rule ports " + rule).isNotEmpty();
            assertThat(list(rule, "to")).as(what + " egress rule destinations " + rule).isNotEmpty();
            for (Object port : list(rule, "ports")) {
                Object number = ((Map<?, ?>) port).get("port");
                assertThat(number).as(what + " port").isInstanceOf(Integer.class);
                assertThat(((Map<?, ?>) port).containsKey("endPort")).as(what + " port range").isFalse();
                ports.add((Integer) number);
            }
            for (Object peer : list(rule, "to")) {
                Object ipBlock = ((Map<?, ?>) peer).get("ipBlock");
                if (ipBlock != null) {
                    assertThat(((Map<?, ?>) ipBlock).get("cidr")).as(what + " ipBlock").isNotEqualTo("0.0.0.0/0");
                }
            }
        }
        assertThat(ports).as(what + " egress ports").isEqualTo(ALLOWED_EGRESS_PORTS);
    }

    // ---- the Dockerfile -----------------------------------------------------------------------------

    /** The instructions, continuation lines joined and comments dropped. */
    private static List<String> dockerInstructions() {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : read(DOCKERFILE).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty() && current.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            instructions.add(current.toString().replaceAll("\\s+", " ").strip());
            current.setLength(0);
        }
        return instructions;
    }

    /** uid and gid of the final stage's USER, which must be numeric and not root. */
    private static long[] dockerfileUser() {
        List<String> instructions = dockerInstructions();
        int finalStage = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).toUpperCase().startsWith("FROM ")) {
                finalStage = i;
            }
        }
        String user = instructions.subList(finalStage, instructions.size()).stream()
                .filter(i -> i.toUpperCase().startsWith("USER "))
                .reduce((a, b) -> b)
                .map(i -> i.substring(5).strip())
                .orElseThrow(() -> new AssertionError("the final stage of the Dockerfile has no USER"));
        Matcher numeric = Pattern.compile("(\\d+)(?::(\\d+))?").matcher(user);
        assertThat(numeric.matches()).as("USER " + user + " is numeric (uid or uid:gid)").isTrue();
        long uid = Long.parseLong(numeric.group(1));
        long gid = numeric.group(2) == null ? uid : Long.parseLong(numeric.group(2));
        assertThat(uid).as("USER uid").isNotZero();
        return new long[] {uid, gid};
    }

    private static Set<String> flags(String text) {
        Matcher flag = Pattern.compile("-XX:[^\"\\s,]+").matcher(text);
        Set<String> flags = new LinkedHashSet<>();
        while (flag.find()) {
            flags.add(flag.group());
        }
        return flags;
    }

    // ---- YAML access ---------------------------------------------------------------------------------

    private static List<Manifest> ofKind(String kind) {
        return manifests.stream().filter(m -> kind.equals(m.kind())).toList();
    }

    /** Complete workloads: CronJobs and Jobs with a pod template (patches in overlays are not). */
    private static List<Manifest> workloads(List<Manifest> from) {
        return from.stream()
                .filter(m -> "CronJob".equals(m.kind()) || "Job".equals(m.kind()))
                .filter(m -> podTemplate(m.doc()) != null && podTemplate(m.doc()).get("spec") instanceof Map<?, ?> spec
                        && spec.containsKey("containers"))
                .toList();
    }

    private static Map<String, Object> podTemplate(Map<String, Object> workload) {
        Map<String, Object> spec = optionalMap(workload, "spec");
        Map<String, Object> jobSpec = "CronJob".equals(workload.get("kind")) ? optionalMap(optionalMap(spec, "jobTemplate"), "spec") : spec;
        return jobSpec.get("template") instanceof Map<?, ?> template ? castMap(template) : null;
    }

    private static Map<String, Object> podSpec(Map<String, Object> workload) {
        return map(podTemplate(workload), "spec");
    }

    private static List<Map<String, Object>> containers(Map<String, Object> pod) {
        List<Map<String, Object>> containers = new ArrayList<>();
        for (String key : List.of("initContainers", "containers")) {
            list(pod, key).forEach(c -> containers.add(castMap(c)));
        }
        return containers;
    }

    private static Map<String, String> env(Map<String, Object> container) {
        return list(container, "env").stream().map(e -> (Map<?, ?>) e)
                .collect(Collectors.toMap(e -> (String) e.get("name"), e -> String.valueOf(e.get("value"))));
    }

    private static Map<String, Object> map(Map<String, Object> from, String... path) {
        Map<String, Object> current = from;
        for (String key : path) {
            Object next = current.get(key);
            assertThat(next).as("'" + key + "' in " + current.keySet()).isInstanceOf(Map.class);
            current = castMap(next);
        }
        return current;
    }

    private static Map<String, Object> optionalMap(Map<String, Object> from, String key) {
        return from != null && from.get(key) instanceof Map<?, ?> value ? castMap(value) : Map.of();
    }

    private static List<Object> list(Map<String, Object> from, String key) {
        Object value = from.get(key);
        if (value == null) {
            return List.of();
        }
        assertThat(value).as("'" + key + "'").isInstanceOf(List.class);
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) value;
        return list;
    }

    private static long number(Map<String, Object> from, String key) {
        Object value = from.get(key);
        assertThat(value).as("'" + key + "' is a number").isInstanceOf(Number.class);
        return ((Number) value).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private static List<Manifest> parse(Path file) {
        List<Manifest> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object doc : yaml().loadAll(reader)) {
                if (doc != null) {
                    assertThat(doc).as(file + " holds a mapping").isInstanceOf(Map.class);
                    documents.add(new Manifest(file, castMap(doc)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
