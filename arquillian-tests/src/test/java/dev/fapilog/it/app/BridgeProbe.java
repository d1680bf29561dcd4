package dev.fapilog.it.app;

import dev.fapilog.LogRuntime;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.lang.ref.WeakReference;
import java.util.Map;

/** Logs one line through every logging API a deployment may use, and checks for class loaders left behind. */
@Path("bridge")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class BridgeProbe {
    @Inject
    LogRuntime runtime;

    @GET
    @Path("apis")
    public String apis(@QueryParam("tag") String tag) {
        ApiLines.logEverywhere(tag);
        StaticLogged.log("static " + tag);
        System.out.println("printed " + tag); // the server turns it into a record: it must not loop or come in
        return "static=" + StaticLogged.runtimeName() + "\ninjected=" + runtime.name() + "@"
                + System.identityHashCode(runtime) + "\n";
    }

    @GET
    @Path("slf4j")
    public String slf4j(@QueryParam("tag") String tag) {
        Slf4jLines.log(tag);
        StaticLogged.log("static " + tag);
        return "logged\n";
    }

    /** The runtime's counters, after a flush: a loop would show as counts that keep growing. */
    @GET
    @Path("stats")
    public String stats() {
        runtime.flush(java.time.Duration.ofSeconds(10));
        dev.fapilog.PipelineStats s = runtime.stats();
        return "submitted=" + s.submitted() + " delivered=" + s.delivered() + " dropped=" + s.droppedByReason() + "\n";
    }

    /** An exception no mapper of the application takes. */
    @GET
    @Path("unmapped")
    public String unmapped() {
        throw new UnsupportedOperationException("nobody maps this");
    }

    @GET
    @Path("sleep")
    public String sleep(@QueryParam("ms") long ms) throws InterruptedException {
        Thread.sleep(ms);
        return "slept\n";
    }

    /** Deployments (by name prefix) whose class loader is still reachable after a few collections. */
    @GET
    @Path("live-loaders")
    public String liveLoaders(@QueryParam("prefix") String prefix) throws InterruptedException {
        Map<String, WeakReference<ClassLoader>> loaders = StaticLogged.loaders();
        long live = 0;
        for (int attempt = 0; attempt < 60; attempt++) {
            System.gc();
            Thread.sleep(250);
            live = loaders.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(prefix) && e.getValue().get() != null)
                    .count();
            if (live == 0) {
                break;
            }
        }
        return "live=" + live + " of "
                + loaders.keySet().stream().filter(k -> k.startsWith(prefix)).count() + " "
                + new java.util.TreeMap<>(loaders)
                        .entrySet().stream()
                                .filter(e -> e.getKey().startsWith(prefix))
                                .map(e -> e.getKey() + (e.getValue().get() != null ? "=live" : "=gone"))
                                .toList()
                + " threads=" + threadsOf(loaders, prefix)
                + "\n";
    }

    /** Threads whose context class loader is one of the live loaders (a thread left behind keeps its loader). */
    private static java.util.List<String> threadsOf(Map<String, WeakReference<ClassLoader>> loaders, String prefix) {
        java.util.Set<ClassLoader> live = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        loaders.forEach((k, v) -> {
            ClassLoader l = v.get();
            if (k.startsWith(prefix) && l != null) {
                live.add(l);
            }
        });
        java.util.List<String> found = new java.util.ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (live.contains(t.getContextClassLoader())) {
                found.add(t.getName() + "/" + t.getState());
            }
        }
        return found;
    }
}
