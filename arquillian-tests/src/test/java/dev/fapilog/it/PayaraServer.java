package dev.fapilog.it;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Payara Server 6 (unpacked into target/ by the build) as a process on 127.0.0.1, driven with its own tool, asadmin:
 * the Payara Arquillian adapters connect to the host's non-loopback address, which the tests must not use. Every
 * listener of server-config is bound to 127.0.0.1 and moved off WildFly's ports (HTTP 18080, HTTPS 18181, admin
 * 14848), so the two servers never meet.
 */
final class PayaraServer implements BeforeAllCallback, AfterAllCallback {
    static final int HTTP_PORT = 18080;
    static final int ADMIN_PORT = 14848;

    private static final Path HOME = Path.of(System.getProperty("payara.home", "target/payara6"));

    /** The result of one asadmin call. */
    record Result(int exitCode, String output) {}

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path domainXml = HOME.resolve("glassfish/domains/domain1/config/domain.xml");
        String xml = Files.readString(domainXml, StandardCharsets.UTF_8);
        xml = xml.replace(
                        "<network-listener port=\"8080\"",
                        "<network-listener address=\"127.0.0.1\" port=\"" + HTTP_PORT + "\"")
                .replace("<network-listener port=\"8181\"", "<network-listener address=\"127.0.0.1\" port=\"18181\"")
                .replace(
                        "<network-listener port=\"4848\"",
                        "<network-listener address=\"127.0.0.1\" port=\"" + ADMIN_PORT + "\"");
        Files.writeString(domainXml, xml, StandardCharsets.UTF_8);
        Result started = asadmin("start-domain", "domain1");
        if (started.exitCode() != 0) {
            throw new IllegalStateException("Payara did not start: " + started.output());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        asadmin("stop-domain", "domain1");
    }

    /** Exports {@code war} and deploys it; returns asadmin's result (exit code 0 when deployed). */
    static Result deploy(WebArchive war) throws Exception {
        File file = Archives.OUTPUT.resolve(war.getName()).toFile();
        war.as(ZipExporter.class).exportTo(file, true);
        return asadmin("deploy", "--force=true", file.getAbsolutePath());
    }

    static Result undeploy(String name) throws Exception {
        return asadmin("undeploy", name);
    }

    static URL base(String name) throws IOException {
        return new URL("http://127.0.0.1:" + HTTP_PORT + "/" + name + "/");
    }

    /** The server's log, where fapilog's diagnostics (System.err of the domain) end up. */
    static Path serverLog() {
        return HOME.resolve("glassfish/domains/domain1/logs/server.log");
    }

    static Result asadmin(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(HOME.resolve("bin/asadmin").toString());
        cmd.add("--host");
        cmd.add("127.0.0.1");
        cmd.add("--port");
        cmd.add(Integer.toString(ADMIN_PORT));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("asadmin " + String.join(" ", args) + " did not finish in 180 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
