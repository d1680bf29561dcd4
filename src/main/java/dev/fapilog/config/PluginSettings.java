package dev.fapilog.config;

import dev.fapilog.ConfigProblem;
import dev.fapilog.Level;
import dev.fapilog.spi.OptionProblem;
import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validated options of one plug-in, as its provider reads them: each declared option read by its type through
 * {@link ConfigReader} (so its problems have the same codes and words as the core keys'; a sink's are reported as
 * {@code FAPILOG-C007}), then checked by the option's own validator. Immutable once read.
 */
public final class PluginSettings implements PluginConfig {

    private final PluginKind kind;
    private final String name;
    private final String runtimeName;
    private final Map<String, String> raw;
    private final Map<String, Object> typed;
    private final Map<String, String> shared;
    private final boolean terminal;
    private final List<ConfigProblem> problems;
    private final java.util.function.Function<String, String> origin;

    private PluginSettings(
            PluginKind kind,
            String name,
            String runtimeName,
            Map<String, String> raw,
            Map<String, Object> typed,
            Map<String, String> shared,
            boolean terminal,
            List<ConfigProblem> problems,
            java.util.function.Function<String, String> origin) {
        this.kind = kind;
        this.name = name;
        this.runtimeName = runtimeName;
        this.raw = raw;
        this.typed = typed;
        this.shared = shared;
        this.terminal = terminal;
        this.problems = problems;
        this.origin = origin;
    }

    /**
     * Reads and validates the declared options of one plug-in.
     *
     * @param given option values by option key (without the kind's prefix); absent ones take their default
     * @param context the runtime name, shared settings and environment the plug-in is created in
     * @param problems where every problem is added
     */
    public static PluginSettings read(
            PluginKind kind,
            String name,
            List<PluginOption> declared,
            Map<String, String> given,
            Context context,
            List<ConfigProblem> problems) {
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        for (PluginOption o : declared) {
            if (o.type() == PluginOption.Type.PREFIX) {
                continue; // its keys are read below
            }
            String key = kind.key(name, o.key());
            String v = given.containsKey(o.key()) ? given.get(o.key()) : o.defaultValue();
            if (v != null) {
                raw.put(key, v);
            }
            if (o.defaultValue() != null) {
                defaults.put(key, o.defaultValue());
            }
        }
        List<ConfigProblem> found = new ArrayList<>();
        ConfigReader reader = new ConfigReader(raw, defaults, found, context.origin);
        Map<String, Object> typed = new LinkedHashMap<>();
        Map<String, String> byOption = new LinkedHashMap<>();
        java.util.Set<String> secrets = new java.util.HashSet<>();
        for (PluginOption o : declared) {
            if (o.type() == PluginOption.Type.PREFIX) {
                for (Map.Entry<String, String> e : given.entrySet()) {
                    if (!o.covers(e.getKey())) {
                        continue;
                    }
                    String key = kind.key(name, e.getKey());
                    if (o.secret()) {
                        secrets.add(key);
                    }
                    byOption.put(e.getKey(), e.getValue());
                    typed.put(e.getKey(), e.getValue());
                    if (!accepts(o, e.getValue())) {
                        reader.problem(ProblemCodes.BAD_VALUE, key, e.getValue(), o.allowed());
                    }
                }
                continue;
            }
            String key = kind.key(name, o.key());
            if (o.secret()) {
                secrets.add(key);
            }
            if (!raw.containsKey(key)) {
                continue; // no value and no default: the plug-in decides whether it is required
            }
            byOption.put(o.key(), raw.get(key));
            int before = found.size();
            Object value = typedValue(reader, key, o);
            if (found.size() == before && !accepts(o, raw.get(key))) {
                reader.problem(ProblemCodes.BAD_VALUE, key, raw.get(key), o.allowed());
                if (o.defaultValue() != null) { // as for every bad value: the default takes its place
                    raw.put(key, o.defaultValue());
                    byOption.put(o.key(), o.defaultValue());
                    value = typedValue(reader, key, o);
                }
            }
            typed.put(o.key(), value);
        }
        for (ConfigProblem p : found) {
            String value = secrets.contains(p.key()) ? "***" : p.value(); // a secret's value is never printed
            problems.add(new ConfigProblem(
                    kind == PluginKind.SINK ? ProblemCodes.BAD_SINK_OPTION : p.code(), p.key(), value, p.allowed()));
        }
        return new PluginSettings(
                kind,
                name,
                context.runtimeName,
                Collections.unmodifiableMap(byOption),
                typed,
                context.shared,
                context.terminal,
                problems,
                context.origin);
    }

    private static Object typedValue(ConfigReader r, String key, PluginOption o) {
        switch (o.type()) {
            case INTEGER:
                return r.integer(key, (int) o.min(), (int) o.max());
            case NUMBER:
                return r.number(key, o.min(), o.max(), true);
            case POSITIVE_NUMBER:
                return r.number(key, o.min(), o.max(), false);
            case DURATION:
                return r.duration(key, Duration.ofNanos((long) o.max()));
            case SIZE:
                return r.size(key, (long) o.min(), (long) o.max());
            case BOOLEAN:
                return r.bool(key);
            case LEVEL:
                return r.level(key, Level.INFO);
            case LEVELS:
                return r.levels(key);
            case LIST:
            case REQUIRED_LIST:
                return List.copyOf(r.list(key));
            default:
                return r.raw(key).trim();
        }
    }

    /** The option's own validator: over the whole trimmed value, or over each entry of a list. */
    private static boolean accepts(PluginOption o, String value) {
        try {
            if (o.type() == PluginOption.Type.LIST || o.type() == PluginOption.Type.REQUIRED_LIST) {
                if (o.type() == PluginOption.Type.REQUIRED_LIST
                        && ConfigValues.list(value).isEmpty()) {
                    return false;
                }
                for (String entry : ConfigValues.list(value)) {
                    if (!o.validator().test(entry)) {
                        return false;
                    }
                }
                return true;
            }
            return o.validator().test(value.trim());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The same options, with the problems a plug-in reports ({@link #report}) added to {@code problems}: the
     * assembler's list, as the plug-in is created after the settings were resolved.
     */
    public PluginSettings reportingTo(List<ConfigProblem> problems) {
        return new PluginSettings(kind, name, runtimeName, raw, typed, shared, terminal, problems, origin);
    }

    /**
     * What every plug-in of one runtime shares.
     *
     * @param runtimeName the runtime's name
     * @param shared the values of the shared keys ({@link PluginConfig#shared})
     * @param terminal whether standard output is a terminal
     * @param origin where a key's value came from, appended to its problems
     */
    public record Context(
            String runtimeName,
            Map<String, String> shared,
            boolean terminal,
            java.util.function.Function<String, String> origin) {}

    @Override
    public String pluginName() {
        return name;
    }

    @Override
    public String runtimeName() {
        return runtimeName;
    }

    @Override
    public String option(String key) {
        return raw.get(key);
    }

    @Override
    public Map<String, String> options() {
        return raw;
    }

    @Override
    public Map<String, String> prefixed(String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> {
            if (k.startsWith(prefix) && k.length() > prefix.length()) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    @Override
    public int integer(String key) {
        return (Integer) value(key);
    }

    @Override
    public double number(String key) {
        return (Double) value(key);
    }

    @Override
    public long size(String key) {
        return (Long) value(key);
    }

    @Override
    public Duration duration(String key) {
        return (Duration) value(key);
    }

    @Override
    public boolean bool(String key) {
        return (Boolean) value(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> list(String key) {
        Object v = typed.get(key);
        return v == null ? List.of() : (List<String>) v;
    }

    @Override
    public Level level(String key) {
        return (Level) value(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<Level> levels(String key) {
        Object v = typed.get(key);
        return v == null ? Set.of() : (Set<Level>) v;
    }

    private Object value(String key) {
        Object v = typed.get(key);
        if (v == null) {
            throw new IllegalArgumentException(
                    "fapilog." + kind.key(name, key) + " is not a declared option with a value");
        }
        return v;
    }

    @Override
    public String shared(String key) {
        String v = shared.get(key);
        if (v == null) {
            throw new IllegalArgumentException(key + " is not a shared setting; shared: " + shared.keySet());
        }
        return v;
    }

    @Override
    public boolean stdoutIsTerminal() {
        return terminal;
    }

    @Override
    public void report(OptionProblem problem, String key, String value, String allowed) {
        String full = CoreKeys.DEFAULTS.containsKey(key) ? key : kind.key(name, key);
        problems.add(new ConfigProblem(codeOf(problem), full, value, allowed + origin.apply(full)));
    }

    private String codeOf(OptionProblem problem) {
        if (kind == PluginKind.SINK) {
            return ProblemCodes.BAD_SINK_OPTION;
        }
        switch (problem) {
            case INVALID:
                return ProblemCodes.BAD_VALUE;
            case OUT_OF_RANGE:
                return ProblemCodes.OUT_OF_RANGE;
            case BAD_PATTERN:
                return ProblemCodes.BAD_PATTERN;
            default:
                return ProblemCodes.CONFLICT;
        }
    }
}
