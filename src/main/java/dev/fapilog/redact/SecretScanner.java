package dev.fapilog.redact;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds secrets inside string values: payment card numbers (Luhn-valid, with a known issuer prefix and length), e-mail
 * addresses, JWTs, bearer tokens, common cloud and SaaS keys (AWS access key ids, GitHub, Slack, Stripe and Google API
 * keys) and PEM private key blocks.
 *
 * <p>No regular expressions: every detector is a hand-written scan whose look-around is bounded by a constant, so the
 * cost is linear in the scanned length whatever the input (no backtracking to exploit). Only the first
 * {@link #MAX_SCAN} characters of a string are scanned. Stateless and thread-safe.
 */
final class SecretScanner {
    /** Characters scanned per string; the rest is left as it is. */
    public static final int MAX_SCAN = 16_384;

    /** What a finding is. */
    public enum Kind {
        CARD,
        EMAIL,
        JWT,
        BEARER,
        CLOUD_KEY,
        PRIVATE_KEY
    }

    /** A secret at {@code [start, end)}. */
    public record Finding(Kind kind, int start, int end) {}

    /**
     * A key format: its documented prefix, then a body of {@code body} characters ('A': upper-case letters and digits,
     * 'a': letters and digits, 'b': base64url) of {@code min} to {@code max} characters.
     */
    private record KeyFormat(String prefix, char body, int min, int max) {}

    private static final KeyFormat[] KEY_FORMATS = {
        new KeyFormat("AKIA", 'A', 16, 16), // AWS access key id
        new KeyFormat("ASIA", 'A', 16, 16), // AWS temporary access key id
        new KeyFormat("ghp_", 'a', 36, 36), // GitHub tokens
        new KeyFormat("gho_", 'a', 36, 36),
        new KeyFormat("ghu_", 'a', 36, 36),
        new KeyFormat("ghs_", 'a', 36, 36),
        new KeyFormat("ghr_", 'a', 36, 36),
        new KeyFormat("github_pat_", 'b', 60, 100),
        new KeyFormat("xoxb-", 'b', 10, 200), // Slack
        new KeyFormat("xoxp-", 'b', 10, 200),
        new KeyFormat("xoxa-", 'b', 10, 200),
        new KeyFormat("xoxs-", 'b', 10, 200),
        new KeyFormat("sk_live_", 'a', 16, 128), // Stripe
        new KeyFormat("rk_live_", 'a', 16, 128),
        new KeyFormat("sk_test_", 'a', 16, 128),
        new KeyFormat("AIza", 'b', 35, 35), // Google API key
    };

    /** The first characters of {@link #KEY_FORMATS}' prefixes: most positions need no prefix comparison at all. */
    private static final boolean[] KEY_START = new boolean[128];

    static {
        for (KeyFormat k : KEY_FORMATS) {
            KEY_START[k.prefix().charAt(0)] = true;
        }
    }

    private SecretScanner() {}

    /** Every secret found in the scanned part of {@code s}, in order, not overlapping. */
    public static List<Finding> find(String s) {
        int limit = Math.min(s.length(), MAX_SCAN);
        List<Finding> keys = new ArrayList<>(0);
        privateKeys(s, limit, keys);
        List<Finding> found = new ArrayList<>(keys.size());
        // Private-key blocks were found first, in order; the walk steps over each one and keeps no finding that runs
        // into the next, so every position is looked at once and no finding is compared with all the others.
        int nextKey = 0;
        int i = 0;
        while (i < limit) {
            if (nextKey < keys.size() && i >= keys.get(nextKey).start()) {
                Finding key = keys.get(nextKey++);
                found.add(key);
                i = key.end();
                continue;
            }
            Finding f = at(s, i, limit);
            if (f != null
                    && (nextKey == keys.size() || f.end() <= keys.get(nextKey).start())) {
                found.add(f);
                i = f.end();
            } else {
                i++;
            }
        }
        return found;
    }

    /** {@code s} with every secret replaced by {@code mask}; {@code s} itself when there is none. */
    public static String mask(String s, String mask) {
        if (s.length() < 6) {
            return s;
        }
        List<Finding> found = find(s);
        if (found.isEmpty()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int copied = 0;
        for (Finding f : found) {
            out.append(s, copied, f.start()).append(mask);
            copied = f.end();
        }
        return out.append(s, copied, s.length()).toString();
    }

    /** A finding that starts at {@code i}, or {@code null}. Each detector looks at a bounded window. */
    private static Finding at(String s, int i, int limit) {
        char c = s.charAt(i);
        if (isDigit(c) && (i == 0 || !isWordChar(s.charAt(i - 1)))) {
            return card(s, i, limit);
        }
        if (c == '@') {
            return email(s, i, limit);
        }
        if (c == 'e' && s.startsWith("eyJ", i) && (i == 0 || !isBase64Url(s.charAt(i - 1)))) {
            return jwt(s, i, limit);
        }
        if ((c == 'B' || c == 'b')
                && s.regionMatches(true, i, "bearer ", 0, 7)
                && (i == 0 || !isWordChar(s.charAt(i - 1)))) {
            return bearer(s, i, limit);
        }
        if (c < KEY_START.length && KEY_START[c] && (i == 0 || !isBase64Url(s.charAt(i - 1)))) {
            return cloudKey(s, i, limit);
        }
        return null;
    }

    // ---- payment cards: 13 to 19 digits, optionally grouped by single spaces or dashes, known issuer, Luhn-valid

    private static Finding card(String s, int start, int limit) {
        int[] digits = new int[19];
        int n = 0;
        int i = start;
        int end = start;
        while (i < limit && n < 20) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                if (n == 19) {
                    return null; // a longer digit run: an id, not a card
                }
                digits[n++] = c - '0';
                end = ++i;
            } else if ((c == ' ' || c == '-') && i + 1 < limit && isDigit(s.charAt(i + 1)) && n > 0) {
                i++;
            } else {
                break;
            }
        }
        if (n < 13 || (end < s.length() && isWordChar(s.charAt(end)))) {
            return null;
        }
        return knownIssuer(digits, n) && luhn(digits, n) ? new Finding(Kind.CARD, start, end) : null;
    }

    private static boolean luhn(int[] d, int n) {
        int sum = 0;
        for (int k = 0; k < n; k++) {
            int v = d[n - 1 - k];
            if (k % 2 == 1) {
                v *= 2;
                if (v > 9) {
                    v -= 9;
                }
            }
            sum += v;
        }
        return sum % 10 == 0;
    }

    /** Issuer identification number ranges and lengths of the networks in common use. */
    private static boolean knownIssuer(int[] d, int n) {
        int p2 = d[0] * 10 + d[1];
        int p3 = p2 * 10 + d[2];
        int p4 = p3 * 10 + d[3];
        int p6 = p4 * 100 + d[4] * 10 + d[5];
        if (d[0] == 4) {
            return n == 13 || n == 16 || n == 19; // Visa
        }
        if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
            return n == 16; // Mastercard
        }
        if (p2 == 34 || p2 == 37) {
            return n == 15; // American Express
        }
        if (p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) {
            return n >= 16 && n <= 19; // Discover
        }
        if (p4 >= 3528 && p4 <= 3589) {
            return n >= 16 && n <= 19; // JCB
        }
        if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) {
            return n >= 14 && n <= 19; // Diners Club
        }
        if (p2 == 62) {
            return n >= 16 && n <= 19; // UnionPay
        }
        if (p2 == 50 || (p2 >= 56 && p2 <= 69)) {
            return n >= 12 && n <= 19; // Maestro
        }
        return false;
    }

    // ---- e-mail: local@domain.tld, local part at most 64 characters, domain at most 253

    private static Finding email(String s, int at, int limit) {
        int start = at;
        while (start > 0 && at - start < 64 && isLocalChar(s.charAt(start - 1))) {
            start--;
        }
        if (start == at || s.charAt(start) == '.') {
            return null;
        }
        int end = at + 1;
        int lastDot = -1;
        while (end < limit && end - at <= 253) {
            char c = s.charAt(end);
            if (isLetterOrDigit(c) || c == '-') {
                end++;
            } else if (c == '.' && end + 1 < limit && isLetterOrDigit(s.charAt(end + 1)) && s.charAt(end - 1) != '.') {
                lastDot = end;
                end++;
            } else {
                break;
            }
        }
        if (lastDot < 0 || end - lastDot - 1 < 2) {
            return null;
        }
        for (int k = lastDot + 1; k < end; k++) {
            if (!isLetter(s.charAt(k))) {
                return null; // a top-level domain is letters: "build@1.2.3" is no address
            }
        }
        return new Finding(Kind.EMAIL, start, end);
    }

    // ---- JWT: base64url header starting "eyJ" ({"), payload, signature

    private static Finding jwt(String s, int start, int limit) {
        int i = start;
        int[] parts = new int[3];
        for (int part = 0; part < 3; part++) {
            int from = i;
            while (i < limit && isBase64Url(s.charAt(i))) {
                i++;
            }
            parts[part] = i - from;
            if (part < 2) {
                if (i >= limit || s.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
        }
        if (parts[0] < 10 || parts[1] < 10 || !s.startsWith("eyJ", start)) {
            return null;
        }
        return new Finding(Kind.JWT, start, i);
    }

    // ---- "Bearer <token>": the token is masked, the word kept

    private static Finding bearer(String s, int start, int limit) {
        int from = start + 7;
        while (from < limit && s.charAt(from) == ' ') {
            from++;
        }
        int i = from;
        while (i < limit && isTokenChar(s.charAt(i))) {
            i++;
        }
        return i - from >= 8 ? new Finding(Kind.BEARER, from, i) : null;
    }

    // ---- cloud and SaaS keys by their documented prefixes

    private static Finding cloudKey(String s, int start, int limit) {
        for (KeyFormat k : KEY_FORMATS) {
            if (!s.startsWith(k.prefix(), start)) {
                continue;
            }
            int bodyStart = start + k.prefix().length();
            int i = bodyStart;
            while (i < limit && i - bodyStart <= k.max() && bodyChar(k.body(), s.charAt(i))) {
                i++;
            }
            int len = i - bodyStart;
            if (len >= k.min() && len <= k.max() && (i >= s.length() || !isBase64Url(s.charAt(i)))) {
                return new Finding(Kind.CLOUD_KEY, start, i);
            }
        }
        return null;
    }

    private static boolean bodyChar(char kind, char c) {
        switch (kind) {
            case 'A':
                return (c >= 'A' && c <= 'Z') || isDigit(c);
            case 'a':
                return isLetterOrDigit(c);
            default:
                return isBase64Url(c);
        }
    }

    // ---- PEM private keys: the whole block, or to the end of the scanned part when the block is cut off

    private static void privateKeys(String s, int limit, List<Finding> found) {
        int from = 0;
        while (from < limit) {
            int begin = s.indexOf("-----BEGIN ", from);
            if (begin < 0 || begin >= limit) {
                return;
            }
            int headerEnd = s.indexOf("-----", begin + 11);
            if (headerEnd < 0 || headerEnd - begin > 80) {
                from = begin + 11;
                continue;
            }
            if (!s.startsWith("PRIVATE KEY", headerEnd - 11)) {
                from = headerEnd + 5;
                continue;
            }
            int end = s.indexOf("-----END ", headerEnd + 5);
            int trailer = end < 0 ? -1 : s.indexOf("-----", end + 9);
            int blockEnd = trailer < 0 ? limit : trailer + 5;
            found.add(new Finding(Kind.PRIVATE_KEY, begin, blockEnd));
            from = blockEnd;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isLetterOrDigit(char c) {
        return isLetter(c) || isDigit(c);
    }

    private static boolean isWordChar(char c) {
        return isLetterOrDigit(c) || c == '_';
    }

    private static boolean isLocalChar(char c) {
        return isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isBase64Url(char c) {
        return isLetterOrDigit(c) || c == '-' || c == '_';
    }

    private static boolean isTokenChar(char c) {
        return isBase64Url(c) || c == '.' || c == '~' || c == '+' || c == '/' || c == '=';
    }
}
