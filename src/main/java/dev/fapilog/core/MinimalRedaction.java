package dev.fapilog.core;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The "minimal" redaction of fapilog's fallback path (catalogue 6.8), applied to encoded lines on their way to
 * standard error: in a JSON line, the value of every key named like a credential (case-insensitive, at any depth) is
 * replaced by {@code "***"}; in any other line, {@code password=...}, {@code token: ...} and the like have their value
 * replaced. A streaming scan, so depth costs nothing and a malformed line is copied, never rejected.
 */
final class MinimalRedaction {
    static final Set<String> KEYS = Set.of(
            "password",
            "passwd",
            "secret",
            "token",
            "api_key",
            "apikey",
            "api_secret",
            "apisecret",
            "authorization",
            "auth",
            "credential",
            "credentials",
            "private_key",
            "privatekey",
            "access_token",
            "refresh_token");

    private static final Pattern TEXT = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|token|api_key|apikey|secret|authorization|auth)(\\s*[=:]\\s*)(\"[^\"]*\"|\\S+)");
    private static final byte[] MASK = "\"***\"".getBytes(StandardCharsets.US_ASCII);

    private MinimalRedaction() {}

    /** Appends the line {@code [start, end)} of {@code a} to {@code out}, credentials masked. */
    static void line(byte[] a, int start, int end, ByteBuf out) {
        int first = start;
        while (first < end && (a[first] == ' ' || a[first] == '\t')) {
            first++;
        }
        if (first < end && a[first] == '{') {
            json(a, start, end, out);
        } else {
            String text = new String(a, start, end - start, StandardCharsets.UTF_8);
            out.put(TEXT.matcher(text).replaceAll("$1$2***").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void json(byte[] a, int start, int end, ByteBuf out) {
        int i = start;
        while (i < end) {
            if (a[i] != '"') {
                out.put(a[i++]);
                continue;
            }
            int close = stringEnd(a, i, end);
            int colon = skipSpace(a, close, end);
            out.put(a, i, close - i);
            if (colon < end && a[colon] == ':' && isCredentialKey(a, i + 1, close - 1)) {
                out.put(a, close, colon + 1 - close);
                int valueEnd = valueEnd(a, skipSpace(a, colon + 1, end), end);
                out.put(MASK);
                i = valueEnd;
            } else {
                i = close;
            }
        }
    }

    /** The index after the closing quote of the string opening at {@code open} (or {@code end}). */
    private static int stringEnd(byte[] a, int open, int end) {
        for (int i = open + 1; i < end; i++) {
            if (a[i] == '\\') {
                i++;
            } else if (a[i] == '"') {
                return i + 1;
            }
        }
        return end;
    }

    private static int skipSpace(byte[] a, int i, int end) {
        while (i < end && (a[i] == ' ' || a[i] == '\t' || a[i] == '\r')) {
            i++;
        }
        return i;
    }

    /** The index after the JSON value starting at {@code i}. */
    private static int valueEnd(byte[] a, int i, int end) {
        if (i >= end) {
            return end;
        }
        if (a[i] == '"') {
            return stringEnd(a, i, end);
        }
        if (a[i] == '{' || a[i] == '[') {
            int depth = 0;
            while (i < end) {
                byte b = a[i];
                if (b == '"') {
                    i = stringEnd(a, i, end);
                    continue;
                }
                if (b == '{' || b == '[') {
                    depth++;
                } else if ((b == '}' || b == ']') && --depth == 0) {
                    return i + 1;
                }
                i++;
            }
            return end;
        }
        while (i < end && a[i] != ',' && a[i] != '}' && a[i] != ']' && a[i] != '\n') {
            i++;
        }
        return i;
    }

    private static boolean isCredentialKey(byte[] a, int from, int to) {
        int n = to - from;
        if (n < 3 || n > 64) {
            return false;
        }
        String key = new String(a, from, n, StandardCharsets.UTF_8);
        if (key.indexOf('\\') >= 0) {
            key = unescape(key);
        }
        return KEYS.contains(key.toLowerCase(Locale.ROOT));
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                if (e == 'u' && i + 4 < s.length()) {
                    try {
                        b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                        continue;
                    } catch (NumberFormatException notHex) {
                        // keep it as written
                    }
                }
                b.append(e);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
