package dev.fapilog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which sinks get which events, by level (catalogue 5.3). Without rules ({@link #ALL}) every sink gets every event.
 * With rules, an event goes to the sinks of every rule that matches its level ({@code overlap}) or of the first one,
 * and to the {@code fallback} sinks when no rule matches; an event that no rule and no fallback takes is counted as
 * {@code dropped(no_route)}. A sink counts the events routed to other sinks as {@link SinkStats#notRouted()}.
 *
 * <p>Configured with {@code fapilog.routing.rules} ({@code ERROR+=errors, INFO|WARNING=rotating-file+stdout-json}),
 * {@code fapilog.routing.overlap} and {@code fapilog.routing.fallback}; read and replaced at run time with
 * {@link LogRuntime#routing()} and {@link LogRuntime#setRouting(Routing)}. Immutable.
 *
 * @param rules the rules, in order
 * @param overlap {@code true}: every matching rule adds its sinks; {@code false}: the first matching rule decides
 * @param fallback sinks for events that match no rule (empty: such events are dropped as {@code no_route})
 */
public record Routing(List<Rule> rules, boolean overlap, List<String> fallback) {

    /** No rules: every sink gets every event. */
    public static final Routing ALL = new Routing(List.of(), true, List.of());

    public Routing {
        rules = List.copyOf(rules);
        fallback = List.copyOf(fallback);
    }

    /** Whether there are rules at all. */
    public boolean isActive() {
        return !rules.isEmpty();
    }

    /**
     * One rule: events at these levels go to these sinks.
     *
     * @param levels level names (custom ones included), {@code NAME+} for that level and every more severe one, or
     *     {@code *} for every level
     * @param sinks sink names as configured
     */
    public record Rule(List<String> levels, List<String> sinks) {
        public Rule {
            levels = List.copyOf(levels);
            sinks = List.copyOf(sinks);
            if (levels.isEmpty() || sinks.isEmpty()) {
                throw new IllegalArgumentException("a routing rule needs at least one level and one sink");
            }
        }

        /** Whether {@code level} is one of this rule's levels. */
        public boolean matches(Level level) {
            for (String l : levels) {
                if (l.equals("*") || l.equalsIgnoreCase(level.name())) {
                    return true;
                }
                if (l.endsWith("+")) {
                    Level floor = Level.named(l.substring(0, l.length() - 1)).orElse(null);
                    if (floor != null && level.isAtLeast(floor)) {
                        return true;
                    }
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return String.join("|", levels) + "=" + String.join("+", sinks);
        }
    }

    /**
     * Parses the rules of {@code fapilog.routing.rules}: comma-separated {@code LEVELS=SINKS}, levels separated by
     * {@code |}, sinks by {@code +}.
     *
     * @throws IllegalArgumentException naming the rule that is not of that form, or a level that does not exist
     */
    public static List<Rule> parseRules(String text) {
        List<Rule> rules = new ArrayList<>();
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("none")) {
            return rules;
        }
        for (String part : text.split(",")) {
            String rule = part.trim();
            int eq = rule.indexOf('=');
            if (eq <= 0 || eq == rule.length() - 1) {
                throw new IllegalArgumentException("'" + rule + "' is not LEVELS=SINKS");
            }
            List<String> levels = new ArrayList<>();
            for (String l : rule.substring(0, eq).split("\\|")) {
                String name = l.trim().toUpperCase(Locale.ROOT);
                String bare = name.endsWith("+") ? name.substring(0, name.length() - 1) : name;
                if (!name.equals("*") && Level.named(bare).isEmpty()) {
                    throw new IllegalArgumentException("'" + l.trim() + "' in '" + rule + "' is not a level");
                }
                levels.add(name);
            }
            List<String> sinks = new ArrayList<>();
            for (String s : rule.substring(eq + 1).split("\\+")) {
                if (!s.isBlank()) {
                    sinks.add(s.trim());
                }
            }
            rules.add(new Rule(levels, sinks));
        }
        return rules;
    }

    /** The sinks an event at {@code level} goes to, without duplicates, in rule order. */
    public List<String> sinksFor(Level level) {
        Objects.requireNonNull(level, "level");
        List<String> out = new ArrayList<>();
        boolean matched = false;
        for (Rule r : rules) {
            if (r.matches(level)) {
                matched = true;
                for (String s : r.sinks()) {
                    if (!out.contains(s)) {
                        out.add(s);
                    }
                }
                if (!overlap) {
                    break;
                }
            }
        }
        if (!matched) {
            out.addAll(fallback);
        }
        return out;
    }
}
