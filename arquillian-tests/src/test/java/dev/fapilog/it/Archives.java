package dev.fapilog.it;

import dev.fapilog.it.app.AppState;
import dev.fapilog.it.app.ProbeApplication;
import dev.fapilog.it.app.ProbeEjb;
import dev.fapilog.it.app.ProbeMapper;
import dev.fapilog.it.app.ProbeResource;
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
}
