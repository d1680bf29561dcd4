package dev.fapilog.enrich;

/**
 * A W3C Trace Context {@code traceparent} header ({@code 00-<trace-id>-<parent-id>-<flags>}), parsed strictly: lower-case
 * hex, the right lengths, no all-zero ids, version {@code ff} refused. Anything else yields {@code null}, so an invalid
 * header is ignored rather than logged.
 *
 * @param traceId 32 hex characters
 * @param spanId 16 hex characters (the caller's span, the parent of this request's work)
 */
public record TraceParent(String traceId, String spanId) {

    /** The ids of a valid header, or {@code null} for anything else (never throws). */
    public static TraceParent parse(String header) {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        // Version 00 is exactly 55 characters; later versions may append fields after a '-'.
        if (h.length() < 55 || (h.length() > 55 && h.charAt(55) != '-') || h.startsWith("00") && h.length() != 55) {
            return null;
        }
        if (h.charAt(2) != '-' || h.charAt(35) != '-' || h.charAt(52) != '-') {
            return null;
        }
        String version = h.substring(0, 2);
        String trace = h.substring(3, 35);
        String span = h.substring(36, 52);
        String flags = h.substring(53, 55);
        if (!hex(version) || version.equals("ff") || !hex(trace) || !hex(span) || !hex(flags)) {
            return null;
        }
        if (zeros(trace) || zeros(span)) {
            return null;
        }
        return new TraceParent(trace, span);
    }

    private static boolean hex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean zeros(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
