package dev.fapilog.redact;

import dev.fapilog.config.RedactionGuardrails;

/**
 * {@code url-credentials}: masks the user-info part of every URL found in string values and in the message, whatever
 * the scheme and wherever the URL sits in the string: {@code postgres://app:s3cret@db/x} becomes
 * {@code postgres://***:***@db/x}, {@code https://token@host} becomes {@code https://***@host}, and a scheme-relative
 * {@code //user:pw@proxy} becomes {@code //***:***@proxy}. Strings longer than
 * {@value #MAX_SCAN} characters are scanned up to that length. Allocates only when it masks something.
 */
final class UrlCredentialsRedactor extends StringValueRedactor {
    static final int MAX_SCAN = 16_384;

    public UrlCredentialsRedactor() {
        this(RedactionGuardrails.DEFAULTS, "***");
    }

    /** @param mask what a subtree beyond the guardrails becomes with {@code replace-subtree} */
    public UrlCredentialsRedactor(RedactionGuardrails guardrails, String mask) {
        super(guardrails, mask);
    }

    @Override
    public String name() {
        return "url-credentials";
    }

    @Override
    String rewrite(String s) {
        return clean(s);
    }

    /** {@code s} with every URL's user info masked; {@code s} itself when there was none. */
    static String clean(String s) {
        int limit = Math.min(s.length(), MAX_SCAN);
        int from = 0;
        StringBuilder out = null;
        int copied = 0;
        while (true) {
            int slashes = s.indexOf("//", from);
            if (slashes < 0 || slashes >= limit) {
                break;
            }
            int authorityStart = slashes + 2;
            if (!startsUrl(s, slashes)) {
                from = authorityStart;
                continue;
            }
            int authorityEnd = authorityStart;
            while (authorityEnd < s.length() && !endsAuthority(s.charAt(authorityEnd))) {
                authorityEnd++;
            }
            int at = lastAt(s, authorityStart, authorityEnd);
            if (at >= authorityStart) {
                if (out == null) {
                    out = new StringBuilder(s.length());
                }
                out.append(s, copied, authorityStart);
                out.append(s.substring(authorityStart, at).indexOf(':') >= 0 ? "***:***" : "***");
                copied = at;
            }
            // The next search starts at the end of this authority, which may be the "//" of a URL right after it.
            from = authorityEnd;
        }
        if (out == null) {
            return s;
        }
        out.append(s, copied, s.length());
        return out.toString();
    }

    /**
     * Whether the {@code //} at {@code slashes} begins an authority: after {@code scheme:} (any scheme, letters first),
     * or scheme-relative ({@code //user:pw@host}) at the start of the string or after a space, quote, bracket or
     * {@code =}, but not inside a path ({@code a//b}, {@code /x//y}).
     */
    private static boolean startsUrl(String s, int slashes) {
        if (slashes == 0) {
            return true;
        }
        char before = s.charAt(slashes - 1);
        if (before != ':') {
            return before <= ' ' || "\"'=([{<,;".indexOf(before) >= 0;
        }
        int colon = slashes - 1;
        int schemeStart = colon;
        while (schemeStart > 0 && isSchemeChar(s.charAt(schemeStart - 1))) {
            schemeStart--;
        }
        return schemeStart < colon && Character.isLetter(s.charAt(schemeStart));
    }

    /**
     * The last '@' in {@code [from, to)}, or -1. Bounded to the authority: an unbounded {@code lastIndexOf} walked back
     * to the start of the string for every URL without user info, quadratic in the scanned length.
     */
    private static int lastAt(String s, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (s.charAt(i) == '@') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSchemeChar(char c) {
        return Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.';
    }

    private static boolean endsAuthority(char c) {
        return c == '/' || c == '?' || c == '#' || c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>';
    }
}
