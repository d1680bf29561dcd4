package dev.fapilog;

import java.util.List;

/**
 * Thrown when settings are invalid, at build time or start-up, never by a log call. The message lists every problem
 * found, one per line, each naming the setting key, the value and what is allowed.
 */
public class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigurationException(List<ConfigProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order they were found. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String render(List<ConfigProblem> problems) {
        StringBuilder sb = new StringBuilder("Invalid fapilog configuration (")
                .append(problems.size())
                .append(problems.size() == 1 ? " problem):" : " problems):");
        for (ConfigProblem p : problems) {
            sb.append(System.lineSeparator()).append("  - ").append(p.describe());
        }
        return sb.toString();
    }
}
