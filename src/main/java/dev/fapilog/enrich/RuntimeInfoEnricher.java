package dev.fapilog.enrich;

import dev.fapilog.config.EnvironmentFacts;
import dev.fapilog.spi.Enricher;
import dev.fapilog.spi.MutableEvent;
import dev.fapilog.spi.PluginContext;
import dev.fapilog.spi.Section;

/**
 * {@code runtime-info}: adds the facts of the running service to {@code diagnostics}: {@code service},
 * {@code env} and {@code version} (from {@code fapilog.service.*}; env and version only when set), {@code host},
 * {@code pid} and {@code jvm}. Everything is computed once at start, on the worker thread, so events pay only for
 * copying references.
 */
final class RuntimeInfoEnricher implements Enricher {
    private final String service;
    private final String environment;
    private final String version;
    private String host;
    private Long pid;
    private String jvm;

    public RuntimeInfoEnricher(String service, String environment, String version) {
        this.service = service;
        this.environment = environment;
        this.version = version;
    }

    @Override
    public String name() {
        return "runtime-info";
    }

    @Override
    public void start(PluginContext context) {
        host = EnvironmentFacts.hostName();
        pid = ProcessHandle.current().pid();
        jvm = System.getProperty("java.vm.name", "java") + " " + System.getProperty("java.version", "?");
    }

    @Override
    public void enrich(MutableEvent event) {
        event.put(Section.DIAGNOSTICS, "service", service);
        if (environment != null) {
            event.put(Section.DIAGNOSTICS, "env", environment);
        }
        if (version != null) {
            event.put(Section.DIAGNOSTICS, "version", version);
        }
        event.put(Section.DIAGNOSTICS, "host", host);
        event.put(Section.DIAGNOSTICS, "pid", pid);
        event.put(Section.DIAGNOSTICS, "jvm", jvm);
    }
}
