package dev.fapilog.support;

import java.util.SplittableRandom;

/**
 * Payment card numbers for the redaction tests, made independently of the scanner under test: its own Luhn check,
 * so a scanner bug cannot hide behind a shared one.
 */
public final class TestCards {
    private TestCards() {}

    /** A number with this prefix and length and a valid Luhn check digit. */
    public static String card(String prefix, int length, SplittableRandom random) {
        StringBuilder sb = new StringBuilder(prefix);
        while (sb.length() < length - 1) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        for (int check = 0; check < 10; check++) {
            String candidate = sb.toString() + check;
            if (luhn(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("no check digit for " + sb);
    }

    /** Whether the digits pass the Luhn check. */
    public static boolean luhn(String digits) {
        int sum = 0;
        for (int k = 0; k < digits.length(); k++) {
            int v = digits.charAt(digits.length() - 1 - k) - '0';
            if (k % 2 == 1) {
                v = v * 2 > 9 ? v * 2 - 9 : v * 2;
            }
            sum += v;
        }
        return sum % 10 == 0;
    }

    /** The number in groups of four, separated by {@code sep}, as people type them. */
    public static String grouped(String card, char sep) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < card.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append(sep);
            }
            sb.append(card.charAt(i));
        }
        return sb.toString();
    }
}
