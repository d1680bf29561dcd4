package dev.fapilog.enrich;

import dev.fapilog.spi.Enricher;
import dev.fapilog.spi.MutableEvent;
import dev.fapilog.spi.PluginContext;
import dev.fapilog.spi.Section;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kubernetes}: adds the pod's identity to {@code diagnostics}: {@code k8s_pod}, {@code k8s_namespace},
 * {@code k8s_node}, {@code k8s_container}, {@code k8s_cluster}, {@code k8s_deployment} or {@code k8s_statefulset}
 * (derived from the pod name), and {@code k8s_labels}. Only what is known is added.
 *
 * <p>Sources, read once at start on the worker thread: the downward-API environment variables {@code POD_NAME},
 * {@code POD_NAMESPACE}, {@code NODE_NAME}, {@code CONTAINER_NAME}, {@code CLUSTER_NAME} (each also with a
 * {@code K8S_} prefix); then downward-API volume files in the configured directory ({@code name}/{@code pod_name},
 * {@code namespace}, {@code node_name}, {@code labels}); then the service account's namespace file. A missing or
 * unreadable file is skipped.
 */
final class KubernetesEnricher implements Enricher {
    /** Where the service account's namespace is mounted in every pod that has one. */
    static final Path SERVICE_ACCOUNT_NAMESPACE = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

    // <deployment>-<replicaset hash>-<pod suffix>; <statefulset>-<ordinal>
    private static final Pattern DEPLOYMENT_POD = Pattern.compile("(.+)-[a-z0-9]{5,10}-[a-z0-9]{5}");
    private static final Pattern STATEFULSET_POD = Pattern.compile("(.+)-[0-9]+");

    private final Map<String, String> environment;
    private final Path downwardApi;
    private final Path serviceAccountNamespace;
    private final Map<String, Object> facts = new LinkedHashMap<>();
    private Object[] pairs = new Object[0];

    /** Reads the process environment, the downward-API volume at {@code downwardApi} and the service account. */
    public KubernetesEnricher(Path downwardApi) {
        this(System.getenv(), downwardApi, SERVICE_ACCOUNT_NAMESPACE);
    }

    /**
     * Reads the given variables and files instead of the process's: for tests and non-standard mounts.
     *
     * @param serviceAccountNamespace the service account's namespace file, or {@code null}
     */
    public KubernetesEnricher(Map<String, String> environment, Path downwardApi, Path serviceAccountNamespace) {
        this.environment = environment;
        this.downwardApi = downwardApi;
        this.serviceAccountNamespace = serviceAccountNamespace;
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public void start(PluginContext context) {
        String pod = first(env("POD_NAME"), file("name"), file("pod_name"));
        String namespace = first(env("POD_NAMESPACE"), file("namespace"), read(serviceAccountNamespace));
        put("k8s_pod", pod);
        put("k8s_namespace", namespace);
        put("k8s_node", first(env("NODE_NAME"), file("node_name")));
        put("k8s_container", env("CONTAINER_NAME"));
        put("k8s_cluster", env("CLUSTER_NAME"));
        if (pod != null) {
            Matcher d = DEPLOYMENT_POD.matcher(pod);
            Matcher s = STATEFULSET_POD.matcher(pod);
            if (d.matches()) {
                put("k8s_deployment", d.group(1));
            } else if (s.matches()) {
                put("k8s_statefulset", s.group(1));
            }
        }
        Map<String, String> labels = labels(file("labels"));
        if (!labels.isEmpty()) {
            facts.put("k8s_labels", Collections.unmodifiableMap(labels));
        }
        pairs = new Object[facts.size() * 2];
        int i = 0;
        for (Map.Entry<String, Object> e : facts.entrySet()) {
            pairs[i++] = e.getKey();
            pairs[i++] = e.getValue();
        }
    }

    @Override
    public void enrich(MutableEvent event) {
        for (int i = 0; i < pairs.length; i += 2) {
            event.put(Section.DIAGNOSTICS, (String) pairs[i], pairs[i + 1]);
        }
    }

    /** What this enricher adds, known after {@link #start}. */
    public Map<String, Object> facts() {
        return Collections.unmodifiableMap(facts);
    }

    private void put(String key, String value) {
        if (value != null) {
            facts.put(key, value);
        }
    }

    private String env(String name) {
        return first(blankToNull(environment.get(name)), blankToNull(environment.get("K8S_" + name)));
    }

    private String file(String name) {
        return downwardApi == null ? null : read(downwardApi.resolve(name));
    }

    private static String read(Path p) {
        try {
            return p != null && Files.isRegularFile(p)
                    ? blankToNull(Files.readString(p, StandardCharsets.UTF_8))
                    : null;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** The downward API writes labels one per line as {@code key="value"}. */
    static Map<String, String> labels(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String value = line.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            out.put(line.substring(0, eq).trim(), value);
        }
        return out;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
