package dev.fapilog;

/**
 * One configuration problem.
 *
 * @param code a stable code such as {@code FAPILOG-C003}, listed in {@code docs/reference/configuration.md}
 * @param key the setting's key without the {@code fapilog.} prefix, for example {@code queue.capacity}
 * @param value the offending value as given ({@code null} when a required value is missing)
 * @param allowed what would have been accepted
 */
public record ConfigProblem(String code, String key, String value, String allowed) {

    /**
     * {@code FAPILOG-C003 fapilog.queue.capacity = '0': an integer from 1 to 16777216}; for an environment variable
     * that maps to no setting, {@code FAPILOG-C001 environment variable FAPILOG_QUEUE_CAPASITY = '10': ...}.
     */
    public String describe() {
        String name = key.startsWith("FAPILOG_") ? "environment variable " + key : "fapilog." + key;
        return code + " " + name + " = " + (value == null ? "(missing)" : "'" + value + "'") + ": " + allowed;
    }
}
