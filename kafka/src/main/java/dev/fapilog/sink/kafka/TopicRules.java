package dev.fapilog.sink.kafka;

import dev.fapilog.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which topic an event goes to: {@code topic-rules}, a comma-separated list of {@code MATCH=topic} tried in order,
 * where {@code MATCH} is a level ({@code AUDIT}), a level and every more severe one ({@code ERROR+}), or a logger
 * name prefix ({@code logger:com.acme.billing}); the first that matches decides, else {@code topic}. Immutable.
 */
final class TopicRules {
    static final String TOPIC = "[a-zA-Z0-9._-]{1,249}";

    private record Rule(Level level, boolean andAbove, String loggerPrefix, String topic) {
        boolean matches(Level l, String logger) {
            if (loggerPrefix != null) {
                return logger != null && logger.startsWith(loggerPrefix);
            }
            return andAbove ? l.isAtLeast(level) : l.equals(level);
        }
    }

    private final List<Rule> rules;
    private final String fallback;

    private TopicRules(List<Rule> rules, String fallback) {
        this.rules = rules;
        this.fallback = fallback;
    }

    /**
     * @throws IllegalArgumentException for an entry that is not {@code MATCH=topic}, naming it
     */
    static TopicRules parse(List<String> entries, String fallback) {
        List<Rule> rules = new ArrayList<>();
        for (String entry : entries) {
            rules.add(rule(entry)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "a topic rule looks like LEVEL=topic, LEVEL+=topic or logger:prefix=topic: " + entry)));
        }
        return new TopicRules(List.copyOf(rules), fallback);
    }

    /** Whether {@code entry} is a valid rule (for the option's validator). */
    static boolean isRule(String entry) {
        return rule(entry).isPresent();
    }

    private static Optional<Rule> rule(String entry) {
        int eq = entry.lastIndexOf('=');
        if (eq <= 0) {
            return Optional.empty();
        }
        String match = entry.substring(0, eq).trim();
        String topic = entry.substring(eq + 1).trim();
        if (!topic.matches(TOPIC)) {
            return Optional.empty();
        }
        if (match.startsWith("logger:")) {
            String prefix = match.substring("logger:".length()).trim();
            return prefix.isEmpty() ? Optional.empty() : Optional.of(new Rule(null, false, prefix, topic));
        }
        boolean andAbove = match.endsWith("+");
        String name = andAbove ? match.substring(0, match.length() - 1) : match;
        return Level.named(name.trim()).map(l -> new Rule(l, andAbove, null, topic));
    }

    /** Whether a rule looks at the logger's name (then the sink reads it from the line). */
    boolean needLogger() {
        return rules.stream().anyMatch(r -> r.loggerPrefix() != null);
    }

    String topicFor(Level level, String logger) {
        for (Rule r : rules) {
            if (r.matches(level, logger)) {
                return r.topic();
            }
        }
        return fallback;
    }
}
