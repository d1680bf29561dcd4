package dev.fapilog.boot;

import dev.fapilog.spi.SinkConfig;
import dev.fapilog.spi.SinkOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The validated options of one configured sink. */
final class SinkConfigValues implements SinkConfig {
    private final String sinkName;
    private final Map<String, String> options;
    private final boolean terminal;

    SinkConfigValues(String sinkName, List<SinkOption> declared, Map<String, String> given, boolean terminal) {
        this.sinkName = sinkName;
        this.terminal = terminal;
        Map<String, String> all = new LinkedHashMap<>();
        for (SinkOption o : declared) {
            String v = given.getOrDefault(o.key(), o.defaultValue());
            if (v != null) {
                all.put(o.key(), v);
            }
        }
        this.options = Collections.unmodifiableMap(all);
    }

    @Override
    public String sinkName() {
        return sinkName;
    }

    @Override
    public String option(String key) {
        return options.get(key);
    }

    @Override
    public Map<String, String> options() {
        return options;
    }

    @Override
    public boolean stdoutIsTerminal() {
        return terminal;
    }
}
