package dev.fapilog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The same checks as {@link WildFlyIT}, on Payara Server 6 run as a process on 127.0.0.1 (see {@link PayaraServer}). */
@ExtendWith(PayaraServer.class)
class PayaraIT {
    @BeforeAll
    static void deployMain() throws Exception {
        PayaraServer.Result r = PayaraServer.deploy(Archives.bridgeWar(
                "pmain", Map.of("fapilog.queue.capacity", "1234", "fapilog.jaxrs.headers.log", "true"), false));
        assertEquals(0, r.exitCode(), r.output());
    }

    @AfterAll
    static void undeployMain() throws Exception {
        PayaraServer.undeploy("pmain");
    }

    @Test
    void injectionSettingsAndTheManagedThreadFactory() throws Exception {
        Map<String, String> info = Probe.info(PayaraServer.base("pmain"));
        assertEquals("dev.fapilog.it.app.ProbeResource", info.get("resource"));
        assertEquals("it.named", info.get("named"));
        assertEquals("dev.fapilog.it.app.ProbeEjb", info.get("ejb"), "@Inject Logger in a @Stateless EJB");
        assertEquals("dev.fapilog.it.app.AppState", info.get("app"));
        assertEquals("production", info.get("preset"));
        assertEquals("1234", info.get("queue"));
        assertTrue(
                info.get("threads").startsWith("JNDI java:comp/DefaultManagedThreadFactory (org.glassfish.concurrent"),
                info.get("threads"));
    }

    @Test
    void aSystemPropertyOverridesTheArchive() throws Exception {
        PayaraServer.Result set =
                PayaraServer.asadmin("create-system-properties", "fapilog.service.environment=it-payara");
        assertEquals(0, set.exitCode(), set.output());
        try {
            PayaraServer.Result r = PayaraServer.deploy(Archives.war("poverride", Map.of()));
            assertEquals(0, r.exitCode(), r.output());
            assertEquals("it-payara", Probe.info(PayaraServer.base("poverride")).get("environment"));
        } finally {
            PayaraServer.undeploy("poverride");
            PayaraServer.asadmin("delete-system-property", "fapilog.service.environment");
        }
    }

    @Test
    void requestLogsWithCorrelationTraceAndRedactedHeaders() throws Exception {
        URL base = PayaraServer.base("pmain");
        HttpResponse<String> ok = Probe.get(
                base,
                "api/probe/info",
                "X-Request-ID",
                "pit-1",
                "traceparent",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "Authorization",
                "Bearer pit-secret");
        assertEquals("pit-1", ok.headers().firstValue("X-Request-ID").orElse(null));
        HttpResponse<String> failed = Probe.get(base, "api/probe/fail", "X-Request-ID", "pit-fail");
        assertEquals(418, failed.statusCode());
        assertEquals("flushed=true", Probe.get(base, "api/probe/flush").body().trim());

        List<String> events = Probe.lines(Archives.events("pmain"));
        assertTrue(
                Probe.hasLine(
                        events,
                        "\"message\":\"request_completed\"",
                        "\"correlation_id\":\"pit-1\"",
                        "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"",
                        "\"authorization\":\"***\"",
                        "\"client_address\":\"127.0.0.1\""),
                String.join("\n", events));
        assertTrue(Probe.hasLine(
                events, "\"message\":\"request_failed\"", "\"correlation_id\":\"pit-fail\"", "\"status\":418"));
        assertTrue(events.stream().noneMatch(l -> l.contains("pit-secret")));
    }

    @Test
    void aBurstJustBeforeUndeployIsCompleteAndARedeployStartsAFreshRuntime() throws Exception {
        URL base = PayaraServer.base("pdrain");
        org.jboss.shrinkwrap.api.spec.WebArchive war = Archives.war("pdrain", Map.of());
        assertEquals(0, PayaraServer.deploy(war).exitCode());
        String first = Probe.info(base).get("runtime");
        assertEquals("logged 3000\n", Probe.get(base, "api/probe/burst?n=3000").body());
        assertEquals(0, PayaraServer.undeploy("pdrain").exitCode());

        long bursts = Probe.lines(Archives.events("pdrain")).stream()
                .filter(l -> l.contains("\"message\":\"burst\""))
                .count();
        assertEquals(3000, bursts);
        List<String> drained = Probe.lines(Archives.drained("pdrain"));
        assertEquals(1, drained.size(), String.join("\n", drained));
        assertTrue(drained.get(0).contains("dropped=0{} failed=0{} pending=0"), drained.get(0));

        assertEquals(0, PayaraServer.deploy(war).exitCode());
        try {
            assertNotEquals(first, Probe.info(base).get("runtime"));
        } finally {
            PayaraServer.undeploy("pdrain");
        }
        assertEquals(2, Probe.lines(Archives.drained("pdrain")).size());
    }

    @Test
    void anUnknownKeyFailsItsDeploymentWithTheCodedMessageAndNothingElse() throws Exception {
        PayaraServer.Result r = PayaraServer.deploy(Archives.war("pbad", Map.of("fapilog.queue.capasity", "10")));
        assertNotEquals(0, r.exitCode(), "the deployment must fail");
        String log = Files.readString(PayaraServer.serverLog());
        assertTrue(
                (r.output() + log)
                        .contains("FAPILOG-C001 fapilog.queue.capasity = '10': no such setting; did you mean"
                                + " fapilog.queue.capacity?"),
                r.output());
        assertEquals(
                200, Probe.get(PayaraServer.base("pmain"), "api/probe/info").statusCode());
    }

    @Test
    void twoApplicationsBundlingSlf4jEachGetTheirOwnSlf4jJulAndStaticLines() throws Exception {
        Map<String, String> julOnTheSharedRoot = Map.of("fapilog.bridge.jul.install", "true");
        for (String app : List.of("pa", "pb")) {
            Map<String, String> settings = new java.util.HashMap<>(julOnTheSharedRoot);
            settings.put("fapilog.name", app);
            PayaraServer.Result r = PayaraServer.deploy(Archives.slf4jWar(app, settings));
            assertEquals(0, r.exitCode(), r.output());
        }
        try {
            for (String app : List.of("pa", "pb")) {
                URL base = PayaraServer.base(app);
                HttpResponse<String> r = Probe.get(base, "api/bridge/slf4j?tag=" + app, "X-Request-ID", "req-" + app);
                assertEquals(200, r.statusCode(), r.body());
                assertEquals(
                        "flushed=true",
                        Probe.get(base, "api/probe/flush").body().trim());
            }
        } finally {
            PayaraServer.undeploy("pa");
            PayaraServer.undeploy("pb");
        }
        for (String app : List.of("pa", "pb")) {
            String other = app.equals("pa") ? "pb" : "pa";
            List<String> events = Probe.lines(Archives.events(app));
            String all = String.join("\n", events);
            assertTrue(
                    Probe.hasLine(
                            events,
                            "\"message\":\"slf4j " + app + "\"",
                            "\"origin\":\"slf4j\"",
                            "\"amount\":9.5",
                            "\"correlation_id\":\"req-" + app + "\""),
                    "typed key-value pairs through the bundled provider:\n" + all);
            assertTrue(
                    Probe.hasLine(
                            events,
                            "\"message\":\"jul " + app + "\"",
                            "\"origin\":\"jul\"",
                            "\"correlation_id\":\"req-" + app + "\""),
                    "JUL on the shared root, this application's records only:\n" + all);
            assertTrue(
                    Probe.hasLine(
                            events, "\"message\":\"static " + app + "\"", "\"correlation_id\":\"req-" + app + "\""),
                    all);
            assertTrue(
                    events.stream().noneMatch(l -> l.contains(" " + other + "\"")),
                    "nothing of " + other + ":\n" + all);
            List<String> drained = Probe.lines(Archives.drained(app));
            assertEquals(1, drained.size(), String.join("\n", drained));
            assertTrue(drained.get(0).contains("dropped=0{} failed=0{} pending=0"), drained.get(0));
        }
        // Diagnostics reach the server's log at their own level: no SEVERE record for an INFO report.
        String log = Files.readString(PayaraServer.serverLog());
        assertTrue(log.contains("\"runtime\":\"pa\""), "the reports of pa are in the server's log");
        for (String record : log.split("\n\\[")) {
            if (record.contains("\"runtime\":\"pa\"") && record.contains("\"level\":\"INFO\"")) {
                assertTrue(!record.contains("[SEVERE]") && !record.contains("[WARNING]"), record);
            }
        }
    }

    @Test
    void aStdoutSinkWithTheJulHandlerOnTheSharedRootDoesNotLoop() throws Exception {
        Map<String, String> settings = Map.of(
                "fapilog.name", "pstdout",
                "fapilog.sinks", "stdout-json,file",
                "fapilog.jaxrs.enabled", "false",
                "fapilog.bridge.jul.install", "true");
        PayaraServer.Result r = PayaraServer.deploy(Archives.slf4jWar("pstdout", settings));
        assertEquals(0, r.exitCode(), r.output());
        try {
            URL base = PayaraServer.base("pstdout");
            assertEquals(200, Probe.get(base, "api/bridge/slf4j?tag=ploop").statusCode());
            String first = Probe.get(base, "api/bridge/stats").body().trim();
            Thread.sleep(1000);
            String second = Probe.get(base, "api/bridge/stats").body().trim();
            // Payara turns System.out into JUL records on the shared root, where this application's handler is: the
            // sink's own lines did not come back in (the counts stay put, nothing dropped). The file sink beside it
            // has every event: the probe's lines and Payara's own lines about deploying this application.
            assertEquals(first, second);
            assertTrue(second.endsWith("dropped={}"), second);
            List<String> events = Probe.lines(Archives.events("pstdout"));
            assertEquals("submitted=" + events.size() + " delivered=" + events.size() + " dropped={}", second);
            assertTrue(Probe.hasLine(events, "\"message\":\"slf4j ploop\""));
            assertTrue(Probe.hasLine(events, "\"message\":\"jul ploop\""));
            assertTrue(
                    events.stream().noneMatch(l -> l.contains("\"message\":\"{\\\"schema_version")),
                    "no printed line came back as a message:\n" + String.join("\n", events));
        } finally {
            PayaraServer.undeploy("pstdout");
        }
    }

    @Test
    void anUnmappedExceptionsResponseCarriesTheCorrelationId() throws Exception {
        HttpResponse<String> r =
                Probe.get(PayaraServer.base("pmain"), "api/bridge/unmapped", "X-Request-ID", "p-unmapped");
        assertEquals(500, r.statusCode());
        assertEquals("p-unmapped", r.headers().firstValue("X-Request-ID").orElse(null));
    }

    @Test
    void threeRedeploysLeaveNoClassLoaderBehind() throws Exception {
        URL main = PayaraServer.base("pmain");
        Map<String, String> settings = Map.of("fapilog.name", "predeploy", "fapilog.bridge.jul.install", "true");
        for (int i = 0; i < 3; i++) {
            PayaraServer.Result r = PayaraServer.deploy(Archives.slf4jWar("predeploy", settings));
            assertEquals(0, r.exitCode(), r.output());
            try {
                assertEquals(
                        200,
                        Probe.get(PayaraServer.base("predeploy"), "api/bridge/slf4j?tag=r" + i)
                                .statusCode());
            } finally {
                PayaraServer.undeploy("predeploy");
            }
        }
        Probe.busyEveryWorker(main, 64);
        String live = Probe.get(main, "api/bridge/live-loaders?prefix=predeploy%23")
                .body()
                .trim();
        assertTrue(live.startsWith("live=0 of "), live);
        assertTrue(Integer.parseInt(live.split(" ")[2]) >= 3, live);
    }
}
