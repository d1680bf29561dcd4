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

    /** {@code FAPILOG-C003 fapilog.queue.capacity = '0': allowed: an integer from 1 to 16777216}. */
    public String describe() {
        return code + " fapilog." + key + " = " + (value == null ? "(missing)" : "'" + value + "'") + ": " + allowed;
    }
}
