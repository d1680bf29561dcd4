package dev.fapilog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The library on a real WildFly 39 started by Arquillian on 127.0.0.1: injection in a resource, an EJB and an
 * application-scoped bean; settings from the archive and a system-property override; the managed thread factory;
 * request logs; drain at undeploy; a fresh runtime on redeploy; a bad key failing the deployment only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WildFlyIT {
    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "main", testable = false)
    static WebArchive main() {
        return Archives.bridgeWar(
                "main", Map.of("fapilog.queue.capacity", "1234", "fapilog.jaxrs.headers.log", "true"), false);
    }

    @Deployment(name = "drain", managed = false, testable = false)
    static WebArchive drain() {
        return Archives.war("drain", Map.of());
    }

    @Deployment(name = "bridges", managed = false, testable = false)
    static WebArchive bridges() {
        Map<String, String> settings = Map.of("fapilog.name", "bridges");
        return Archives.bridgeWar("bridges", settings, true);
    }

    @Deployment(name = "redeployed", managed = false, testable = false)
    static WebArchive redeployed() {
        return Archives.bridgeWar("redeployed", Map.of("fapilog.name", "redeployed"), true);
    }

    @Deployment(name = "wslf4j", managed = false, testable = false)
    static WebArchive wslf4j() {
        return Archives.wildflySlf4jWar("wslf4j", Map.of("fapilog.name", "wslf4j"));
    }

    @Deployment(name = "wstdout", managed = false, testable = false)
    static WebArchive wstdout() {
        return Archives.bridgeWar(
                "wstdout",
                Map.of("fapilog.name", "wstdout", "fapilog.sinks", "stdout-json", "fapilog.jaxrs.enabled", "false"),
                true);
    }

    @Deployment(name = "bad", managed = false, testable = false)
    static WebArchive bad() {
        return Archives.war("bad", Map.of("fapilog.queue.capasity", "10"));
    }

    @Test
    void injectionSettingsAndTheManagedThreadFactory(@ArquillianResource @OperateOnDeployment("main") URL base)
            throws Exception {
        Map<String, String> info = Probe.info(base);
        assertEquals("dev.fapilog.it.app.ProbeResource", info.get("resource"));
        assertEquals("it.named", info.get("named"));
        assertEquals("dev.fapilog.it.app.ProbeResource", info.get("async"));
        assertEquals("dev.fapilog.it.app.ProbeEjb", info.get("ejb"), "@Inject Logger in a @Stateless EJB");
        assertEquals("dev.fapilog.it.app.AppState", info.get("app"), "@Inject Logger in an @ApplicationScoped bean");
        assertEquals("production", info.get("preset"), "preset from the archive's microprofile-config.properties");
        assertEquals("1234", info.get("queue"), "an explicit key beats the preset");
        assertEquals("it-override", info.get("environment"), "a system property beats the archive");
        assertTrue(
                info.get("threads")
                        .startsWith("JNDI java:comp/DefaultManagedThreadFactory (org.jboss.as.ee.concurrent"),
                info.get("threads"));
    }

    @Test
    void requestLogsWithCorrelationTraceAndRedactedHeaders(@ArquillianResource @OperateOnDeployment("main") URL base)
            throws Exception {
        HttpResponse<String> ok = Probe.get(
                base,
                "api/probe/info",
                "X-Request-ID",
                "it-1",
                "traceparent",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "Authorization",
                "Bearer it-secret");
        assertEquals("it-1", ok.headers().firstValue("X-Request-ID").orElse(null));
        HttpResponse<String> failed = Probe.get(base, "api/probe/fail", "X-Request-ID", "it-fail");
        assertEquals(418, failed.statusCode(), "the application's mapper got the exception");
        assertEquals("mapped: probe failure", failed.body());
        assertEquals("flushed=true", Probe.get(base, "api/probe/flush").body().trim());

        List<String> events = Probe.lines(Archives.events("main"));
        assertTrue(
                Probe.hasLine(
                        events,
                        "\"message\":\"request logger in the resource\"",
                        "\"correlation_id\":\"it-1\"",
                        "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\""),
                String.join("\n", events));
        assertTrue(Probe.hasLine(
                events,
                "\"message\":\"request_completed\"",
                "\"correlation_id\":\"it-1\"",
                "\"route\":\"/probe/info\"",
                "\"authorization\":\"***\"",
                "\"client_address\":\"127.0.0.1\""));
        assertTrue(Probe.hasLine(
                events,
                "\"message\":\"request_failed\"",
                "\"correlation_id\":\"it-fail\"",
                "\"status\":418",
                "\"error_type\":\"java.lang.IllegalStateException\""));
        assertTrue(
                events.stream().noneMatch(l -> l.contains("it-secret")), "the bearer token never reaches the output");
    }

    @Test
    void aBurstJustBeforeUndeployIsCompleteAndARedeployStartsAFreshRuntime(
            @ArquillianResource @OperateOnDeployment("main") URL mainBase) throws Exception {
        URL base = new URL(mainBase.toString().replace("/main/", "/drain/"));
        deployer.deploy("drain");
        String firstRuntime = Probe.info(base).get("runtime");
        assertEquals("logged 3000\n", Probe.get(base, "api/probe/burst?n=3000").body());
        deployer.undeploy("drain");

        long bursts = Probe.lines(Archives.events("drain")).stream()
                .filter(l -> l.contains("\"message\":\"burst\""))
                .count();
        assertEquals(3000, bursts, "every event logged just before the undeploy is in the output");
        List<String> drained = Probe.lines(Archives.drained("drain"));
        assertEquals(1, drained.size(), String.join("\n", drained));
        assertTrue(drained.get(0).contains("dropped=0{} failed=0{} pending=0"), drained.get(0));
        assertTrue(drained.get(0).contains("drained_at=DESTROYED"), "server order: @Destroyed after every @PreDestroy");

        deployer.deploy("drain");
        try {
            assertNotEquals(firstRuntime, Probe.info(base).get("runtime"), "a redeploy starts a new runtime");
        } finally {
            deployer.undeploy("drain");
        }
        assertEquals(2, Probe.lines(Archives.drained("drain")).size(), "and drains it at its undeploy");
    }

    @Test
    void anUnknownKeyFailsItsDeploymentWithTheCodedMessageAndNothingElse(
            @ArquillianResource @OperateOnDeployment("main") URL base) throws Exception {
        Exception failure = null;
        try {
            deployer.deploy("bad");
        } catch (Exception e) {
            failure = e;
        }
        assertTrue(failure != null, "the deployment must fail");
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(
                messages.toString()
                        .contains("FAPILOG-C001 fapilog.queue.capasity = '10': no such setting; did you mean"
                                + " fapilog.queue.capacity?"),
                messages.toString());
        assertEquals(
                200, Probe.get(base, "api/probe/info").statusCode(), "the server and the other application still work");
    }

    private static URL other(URL mainBase, String name) throws Exception {
        return new URL(mainBase.toString().replace("/main/", "/" + name + "/"));
    }

    @Test
    void withItsOwnLogContextEveryLoggingApiOfTheDeploymentLandsWithTheRequestsCorrelationId(
            @ArquillianResource @OperateOnDeployment("main") URL mainBase) throws Exception {
        URL base = other(mainBase, "bridges");
        deployer.deploy("bridges");
        try {
            HttpResponse<String> r = Probe.get(base, "api/bridge/apis?tag=t1", "X-Request-ID", "wf-bridge-1");
            assertEquals(200, r.statusCode(), r.body());
            Map<String, String> ids = new java.util.HashMap<>();
            r.body().lines().forEach(l -> ids.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
            assertEquals(
                    ids.get("injected"),
                    ids.get("static"),
                    "a static Fapilog.getLogger uses the application's runtime");
            assertEquals(
                    "flushed=true", Probe.get(base, "api/probe/flush").body().trim());
        } finally {
            deployer.undeploy("bridges");
        }
        List<String> events = Probe.lines(Archives.events("bridges"));
        String all = String.join("\n", events);
        for (String message : List.of("jul t1", "jboss t1 42", "slf4j t1", "log4j t1", "jcl t1", "system t1")) {
            assertTrue(
                    Probe.hasLine(
                            events,
                            "\"message\":\"" + message + "\"",
                            "\"origin\":\"jul\"",
                            "\"correlation_id\":\"wf-bridge-1\""),
                    message + " in\n" + all);
        }
        assertTrue(
                Probe.hasLine(
                        events,
                        "\"message\":\"static t1\"",
                        "\"origin\":\"native\"",
                        "\"correlation_id\":\"wf-bridge-1\""),
                all);
        assertTrue(events.stream().noneMatch(l -> l.contains("printed t1")), "System.out is not bridged back: " + all);
        List<String> drained = Probe.lines(Archives.drained("bridges"));
        assertEquals(1, drained.size(), String.join("\n", drained));
        assertTrue(drained.get(0).contains("dropped=0{} failed=0{} pending=0"), drained.get(0));
        // The deployment's diagnostics go to its own log context's handler, at their level, never through stderr.
        List<String> ownLog = Probe.lines(Archives.serverLog("bridges"));
        assertTrue(
                ownLog.stream()
                        .anyMatch(l ->
                                l.startsWith("INFO  [dev.fapilog.diagnostics]") && l.contains("\"key\":\"started\"")),
                String.join("\n", ownLog));
        assertTrue(ownLog.stream().noneMatch(l -> l.contains("[stderr]")), String.join("\n", ownLog));
    }

    @Test
    void diagnosticsReachTheServerLogAtTheirOwnLevel(@ArquillianResource @OperateOnDeployment("main") URL base)
            throws Exception {
        java.nio.file.Path serverLog =
                java.nio.file.Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
        List<String> all = Probe.lines(serverLog);
        int boot = 0; // server.log keeps earlier runs: only this server's start counts
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).contains("WFLYSRV0049")) {
                boot = i;
            }
        }
        List<String> lines = all.subList(boot, all.size());
        assertTrue(
                lines.stream()
                        .anyMatch(l ->
                                l.contains("INFO  [dev.fapilog.diagnostics]") && l.contains("\"key\":\"started\"")),
                "the start-up report as an INFO line of the server's log");
        assertTrue(
                lines.stream().noneMatch(l -> l.contains("ERROR [stderr]") && l.contains("fapilog.diagnostics")),
                "no report as an ERROR [stderr] line");
    }

    @Test
    void threeRedeploysLeaveNoClassLoaderAndNoThreadBehind(
            @ArquillianResource @OperateOnDeployment("main") URL mainBase) throws Exception {
        // A worker thread of Undertow's pool keeps the task it was created for until it ends; let the main
        // application's requests create every worker first, so none is made for (and keeps) a redeployed application.
        Probe.busyEveryWorker(mainBase, Runtime.getRuntime().availableProcessors() * 16 + 16);
        URL base = other(mainBase, "redeployed");
        for (int i = 0; i < 3; i++) {
            deployer.deploy("redeployed");
            try {
                assertEquals(
                        200,
                        Probe.get(base, "api/bridge/apis?tag=redeploy-" + i).statusCode());
            } finally {
                deployer.undeploy("redeployed");
            }
        }
        // Idle workers also keep their last task on the stack until they run another one.
        Probe.busyEveryWorker(mainBase, Runtime.getRuntime().availableProcessors() * 16 + 16);
        // A thread of an old deployment (the worker, a sink thread, a JUL handler on a shared logger) would keep its
        // class loader reachable, and so would any reference from the server's or the JDK's classes.
        String live = Probe.get(mainBase, "api/bridge/live-loaders?prefix=redeployed%23")
                .body()
                .trim();
        assertTrue(live.startsWith("live=0 of "), live);
        assertTrue(Integer.parseInt(live.split(" ")[2]) >= 3, live);
    }

    @Test
    void bundlingTheSlf4jProviderWithTheServersModulesExcludedGivesTypedKeyValues(
            @ArquillianResource @OperateOnDeployment("main") URL mainBase) throws Exception {
        URL base = other(mainBase, "wslf4j");
        deployer.deploy("wslf4j");
        try {
            assertEquals(
                    200,
                    Probe.get(base, "api/bridge/slf4j?tag=w1", "X-Request-ID", "wf-slf4j")
                            .statusCode());
            assertEquals(
                    "flushed=true", Probe.get(base, "api/probe/flush").body().trim());
        } finally {
            deployer.undeploy("wslf4j");
        }
        List<String> events = Probe.lines(Archives.events("wslf4j"));
        assertTrue(
                Probe.hasLine(
                        events,
                        "\"message\":\"slf4j w1\"",
                        "\"origin\":\"slf4j\"",
                        "\"amount\":9.5",
                        "\"correlation_id\":\"wf-slf4j\""),
                String.join("\n", events));
    }

    @Test
    void aStdoutSinkInADeploymentWhoseSystemOutIsLoggedDoesNotLoop(
            @ArquillianResource @OperateOnDeployment("main") URL mainBase) throws Exception {
        URL base = other(mainBase, "wstdout");
        deployer.deploy("wstdout");
        try {
            assertEquals(200, Probe.get(base, "api/bridge/apis?tag=loop").statusCode());
            String first = Probe.get(base, "api/bridge/stats").body().trim();
            Thread.sleep(1000);
            String second = Probe.get(base, "api/bridge/stats").body().trim();
            // The lines the stdout sink printed became records of the "stdout" logger in the deployment's context,
            // where the JUL handler is: none came back (the counts stay put, nothing is dropped).
            assertEquals(first, second);
            assertTrue(second.endsWith("dropped={}"), second);
            long submitted = Long.parseLong(second.substring("submitted=".length(), second.indexOf(' ')));
            assertEquals(7, submitted, "six bridged lines and the static logger's: " + second);
        } finally {
            deployer.undeploy("wstdout");
        }
        List<String> ownLog = Probe.lines(Archives.serverLog("wstdout"));
        assertTrue(
                ownLog.stream().anyMatch(l -> l.contains("[stdout]") && l.contains("\"message\":\"static loop\"")),
                "the sink's lines reached the deployment's log as stdout records:\n" + String.join("\n", ownLog));
    }

    @Test
    void anUnmappedExceptionsResponseCarriesTheCorrelationId(@ArquillianResource @OperateOnDeployment("main") URL base)
            throws Exception {
        HttpResponse<String> r = Probe.get(base, "api/bridge/unmapped", "X-Request-ID", "wf-unmapped");
        assertEquals(500, r.statusCode());
        assertEquals("wf-unmapped", r.headers().firstValue("X-Request-ID").orElse(null));
    }
}
