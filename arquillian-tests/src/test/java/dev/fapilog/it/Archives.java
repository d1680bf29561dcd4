package dev.fapilog.it;

import dev.fapilog.it.app.ApiLines;
import dev.fapilog.it.app.AppState;
import dev.fapilog.it.app.BridgeProbe;
import dev.fapilog.it.app.ProbeApplication;
import dev.fapilog.it.app.ProbeEjb;
import dev.fapilog.it.app.ProbeMapper;
import dev.fapilog.it.app.ProbeResource;
import dev.fapilog.it.app.Slf4jLines;
import dev.fapilog.it.app.StaticLogged;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Test WARs as a user builds them: the application classes, the library jar in WEB-INF/lib, and MP Config. */
final class Archives {
    static final Path OUTPUT = Path.of(System.getProperty("it.output", "target/output"));

    private Archives() {}

    /** The events of the WAR called {@code name}, written by the file sink. */
    static Path events(String name) {
        return OUTPUT.resolve(name + ".jsonl");
    }

    /** The drain summaries the application's FapilogDrained observer wrote. */
    static Path drained(String name) {
        return OUTPUT.resolve(name + ".drained");
    }

    /** {@code name}.war with the probe application and these fapilog settings (plus the file sink into OUTPUT). */
    static WebArchive war(String name, Map<String, String> settings) {
        OUTPUT.toFile().mkdirs();
        // A fresh start for this archive's output: files of an earlier run would double every count.
        events(name).toFile().delete();
        drained(name).toFile().delete();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("fapilog.preset", "production");
        config.put("fapilog.sinks", "file");
        config.put("fapilog.sink.file.path", events(name).toAbsolutePath().toString());
        config.put("it.drained-file", drained(name).toAbsolutePath().toString());
        config.put("it.name", name);
        config.putAll(settings);
        StringBuilder properties = new StringBuilder();
        config.forEach((k, v) ->
                properties.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        JavaArchive library =
                ShrinkWrap.createFromZipFile(JavaArchive.class, new File(System.getProperty("fapilog.library")));
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(
                        ProbeApplication.class, ProbeResource.class, ProbeEjb.class, AppState.class, ProbeMapper.class)
                .addAsLibrary(library)
                .addAsResource(new StringAsset(properties.toString()), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    /**
     * {@link #war} plus the bridge probe (a line through every logging API, a static {@code Fapilog.getLogger}, the
     * class-loader leak check), and, with {@code ownLogContext}, a WildFly per-deployment {@code logging.properties}
     * whose one handler writes the deployment's own log (its diagnostics among them) to {@link #serverLog}.
     */
    static WebArchive bridgeWar(String name, Map<String, String> settings, boolean ownLogContext) {
        WebArchive war = war(name, settings).addClasses(BridgeProbe.class, StaticLogged.class, ApiLines.class);
        if (ownLogContext) {
            serverLog(name).toFile().delete();
            String path = serverLog(name).toAbsolutePath().toString().replace("\\", "/");
            war.addAsResource(
                    new StringAsset(String.join(
                            "\n",
                            "loggers=",
                            "logger.level=INFO",
                            "logger.handlers=FILE",
                            "handler.FILE=org.jboss.logmanager.handlers.FileHandler",
                            "handler.FILE.level=ALL",
                            "handler.FILE.formatter=PATTERN",
                            "handler.FILE.properties=autoFlush,append,fileName",
                            "handler.FILE.autoFlush=true",
                            "handler.FILE.append=true",
                            "handler.FILE.fileName=" + path,
                            "formatter.PATTERN=org.jboss.logmanager.formatters.PatternFormatter",
                            "formatter.PATTERN.properties=pattern",
                            "formatter.PATTERN.pattern=%-5p [%c] (%t) %s%e%n",
                            "")),
                    "logging.properties");
        }
        return war;
    }

    /**
     * {@link #bridgeWar} without a log context of its own, bundling {@code slf4j-api} and {@code fapilog-slf4j} in
     * {@code WEB-INF/lib}, as a Payara application does (Payara 6 gives applications no SLF4J).
     */
    static WebArchive slf4jWar(String name, Map<String, String> settings) {
        Path library = Path.of(System.getProperty("fapilog.library")).getParent();
        return bridgeWar(name, settings, false)
                .addClass(Slf4jLines.class)
                .addAsLibrary(library.resolve("fapilog-slf4j.jar").toFile())
                .addAsLibrary(library.resolve("slf4j-api.jar").toFile());
    }

    /**
     * {@link #slf4jWar} for WildFly: its own SLF4J instead of the server's ({@code jboss-deployment-structure.xml}
     * excludes the server's {@code org.slf4j} modules), so key-value pairs reach fapilog typed.
     */
    static WebArchive wildflySlf4jWar(String name, Map<String, String> settings) {
        return slf4jWar(name, settings)
                .addAsWebInfResource(
                        new StringAsset(String.join(
                                "\n",
                                "<jboss-deployment-structure>",
                                "  <deployment>",
                                "    <exclusions>",
                                "      <module name=\"org.slf4j\"/>",
                                "      <module name=\"org.slf4j.impl\"/>",
                                "    </exclusions>",
                                "  </deployment>",
                                "</jboss-deployment-structure>",
                                "")),
                        "jboss-deployment-structure.xml");
    }

    /** The log file of a deployment's own log context (see {@link #bridgeWar}). */
    static Path serverLog(String name) {
        return OUTPUT.resolve(name + ".server.log");
    }
}
