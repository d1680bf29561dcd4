package dev.fapilog.redact;

import dev.fapilog.core.RedactionGuardrails;

/**
 * {@code url-credentials}: masks the user-info part of every URL found in string values and in the message, whatever
 * the scheme and wherever the URL sits in the string: {@code postgres://app:s3cret@db/x} becomes
 * {@code postgres://***:***@db/x}, {@code https://token@host} becomes {@code https://***@host}. Strings longer than
 * {@value #MAX_SCAN} characters are scanned up to that length. Allocates only when it masks something.
 */
public final class UrlCredentialsRedactor extends StringValueRedactor {
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
            int sep = s.indexOf("://", from);
            if (sep < 0 || sep >= limit) {
                break;
            }
            int schemeStart = sep;
            while (schemeStart > 0 && isSchemeChar(s.charAt(schemeStart - 1))) {
                schemeStart--;
            }
            int authorityStart = sep + 3;
            int authorityEnd = authorityStart;
            while (authorityEnd < s.length() && !endsAuthority(s.charAt(authorityEnd))) {
                authorityEnd++;
            }
            int at = lastAt(s, authorityStart, authorityEnd);
            if (schemeStart < sep && Character.isLetter(s.charAt(schemeStart)) && at >= authorityStart) {
                if (out == null) {
                    out = new StringBuilder(s.length());
                }
                out.append(s, copied, authorityStart);
                out.append(s.substring(authorityStart, at).indexOf(':') >= 0 ? "***:***" : "***");
                copied = at;
            }
            from = Math.max(authorityEnd, sep + 3);
        }
        if (out == null) {
            return s;
        }
        out.append(s, copied, s.length());
        return out.toString();
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
