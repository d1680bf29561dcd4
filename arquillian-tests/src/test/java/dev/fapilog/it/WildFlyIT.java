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
        return Archives.war("main", Map.of("fapilog.queue.capacity", "1234", "fapilog.jaxrs.headers.log", "true"));
    }

    @Deployment(name = "drain", managed = false, testable = false)
    static WebArchive drain() {
        return Archives.war("drain", Map.of());
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
                events.stream()
                        .anyMatch(l -> l.contains("\"message\":\"request logger in the resource\"")
                                && l.contains("\"correlation_id\":\"it-1\"")
                                && l.contains("\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"")),
                String.join("\n", events));
        assertTrue(events.stream()
                .anyMatch(l -> l.contains("\"message\":\"request_completed\"")
                        && l.contains("\"correlation_id\":\"it-1\"")
                        && l.contains("\"route\":\"/probe/info\"")
                        && l.contains("\"authorization\":\"***\"")
                        && l.contains("\"client_address\":\"127.0.0.1\"")));
        assertTrue(events.stream()
                .anyMatch(l -> l.contains("\"message\":\"request_failed\"")
                        && l.contains("\"correlation_id\":\"it-fail\"")
                        && l.contains("\"status\":418")
                        && l.contains("\"error_type\":\"java.lang.IllegalStateException\"")));
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
}
